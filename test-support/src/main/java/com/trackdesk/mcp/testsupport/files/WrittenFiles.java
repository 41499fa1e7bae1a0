package com.trackdesk.mcp.testsupport.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a server wrote to disk, searched as bytes: for leak scans of database files and logs. A file that
 * vanishes while the scan walks (a temporary file the database removed) holds nothing any more and is skipped;
 * a file that exists but cannot be read fails the scan, since a scan that skipped it would prove nothing.
 */
public final class WrittenFiles {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private WrittenFiles() {
    }

    /** Every regular file under the directory whose bytes contain the text in UTF-8. */
    public static List<Path> containing(Path dir, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (contains(file, needle)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
        return found;
    }

    /**
     * Waits until some file under the directory holds the text, e.g. a marker unique to this test run that the
     * server records: once it is on disk, everything the server recorded before it is too.
     */
    public static List<Path> awaitContaining(Path dir, String text, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        List<Path> found = containing(dir, text);
        while (found.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("'" + text + "' did not reach the files under " + dir + " within " + patience);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
            found = containing(dir, text);
        }
        return found;
    }

    static boolean contains(Path file, byte[] needle) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException vanished) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": the scan would miss what it holds", e);
        }
        outer:
        for (int i = 0; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
