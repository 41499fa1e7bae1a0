package com.trackdesk.mcp.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for secrets in everything a server wrote: files (scanned as bytes, in Latin-1/UTF-8 and
 * UTF-16 both byte orders, streaming so large files are fine) and texts. Reports where, never the secret.
 */
final class LeakScan {

    /** One place a secret was found. */
    record Hit(String where, String secretLabel, long offset) {
        @Override
        public String toString() {
            return where + " @" + offset + " (" + secretLabel + ")";
        }
    }

    private final List<byte[][]> needles = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    private final byte[][] anchor;

    LeakScan(Collection<String> secrets) {
        String common = null;
        for (String secret : secrets) {
            common = common == null ? secret : commonPrefix(common, secret);
        }
        if (common == null || common.length() < 4) {
            throw new IllegalArgumentException("secrets need a common beginning of at least 4 characters");
        }
        anchor = new byte[][] {common.getBytes(StandardCharsets.ISO_8859_1), common.getBytes(StandardCharsets.UTF_16LE),
                common.getBytes(StandardCharsets.UTF_16BE)};
        int i = 0;
        for (String secret : secrets) {
            this.secrets.add(secret);
            labels.add("secret#" + i++);
            needles.add(new byte[][] {secret.getBytes(StandardCharsets.ISO_8859_1),
                    secret.getBytes(StandardCharsets.UTF_16LE), secret.getBytes(StandardCharsets.UTF_16BE)});
        }
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }

    List<Hit> text(String where, String text) {
        List<Hit> hits = new ArrayList<>();
        if (text == null) {
            return hits;
        }
        for (int i = 0; i < secrets.size(); i++) {
            int at = text.indexOf(secrets.get(i));
            if (at >= 0) {
                hits.add(new Hit(where, labels.get(i), at));
            }
        }
        return hits;
    }

    /** Every regular file under the path (or the file itself); files that vanish meanwhile are skipped, a file that cannot be read fails the scan. */
    List<Hit> files(Path root) {
        List<Hit> hits = new ArrayList<>();
        if (!Files.exists(root)) {
            return hits;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                hits.addAll(file(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    List<Hit> file(Path file) {
        List<Hit> hits = new ArrayList<>();
        int longest = needles.stream().mapToInt(n -> n[1].length).max().orElse(0);
        byte[] window = new byte[(1 << 20) + longest];
        long base = 0;
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int read = in.readNBytes(window, carried, window.length - carried);
                int filled = carried + read;
                if (filled == 0) {
                    break;
                }
                for (int encoding = 0; encoding < 3; encoding++) {
                    for (int at = 0; (at = find(window, filled, encoding, at)) >= 0; at++) {
                        int secret = secretAt(window, filled, encoding, at);
                        if (secret >= 0) {
                            hits.add(new Hit(file.toString(), labels.get(secret), base + at));
                        }
                    }
                }
                if (read == 0 || filled < window.length) {
                    break;
                }
                carried = Math.min(longest, filled);
                System.arraycopy(window, filled - carried, window, 0, carried);
                base += filled - carried;
            }
        } catch (NoSuchFileException vanished) {
            // a temporary file deleted while scanning holds nothing any more
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": the scan would miss what it holds", e);
        }
        return hits.stream().distinct().toList();
    }

    /** Next place where the common beginning of all secrets starts, in one encoding (0 Latin-1, 1 UTF-16LE, 2 UTF-16BE). */
    int find(byte[] haystack, int length, int encoding, int from) {
        return indexOf(haystack, length, anchor[encoding], from);
    }

    /** Which secret starts at this place, or -1. */
    int secretAt(byte[] haystack, int length, int encoding, int at) {
        for (int s = 0; s < needles.size(); s++) {
            byte[] needle = needles.get(s)[encoding];
            if (at + needle.length <= length && java.util.Arrays.equals(haystack, at, at + needle.length, needle, 0, needle.length)) {
                return s;
            }
        }
        return -1;
    }

    static int indexOf(byte[] haystack, int length, byte[] needle, int from) {
        outer:
        for (int i = from; i <= length - needle.length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
