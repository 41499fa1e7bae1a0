package com.trackdesk.mcp.search.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Operation vectors on disk, one file per (model, text recipe, operation texts): the key is a SHA-256 of
 * all three, so any change of the spec's operations or of how they are read gets new vectors, and a
 * restart with the same spec costs a file read instead of minutes of CPU. Written to a temporary file and
 * moved into place, so a crash never leaves a half-written cache that a later start would trust.
 */
final class VectorCache {

    private static final Logger LOG = Logger.getLogger(VectorCache.class.getName());
    private static final int FORMAT = 1;

    private final Path dir;

    VectorCache(Path dir) {
        this.dir = dir;
    }

    static String key(List<String> texts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((SentenceEmbeddings.MODEL_ID + "\n" + SemanticText.RECIPE + "\n").getBytes(StandardCharsets.UTF_8));
            for (var text : texts) {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** @return the vectors stored under this key, if a complete, matching file is there */
    Optional<OperationVectors> read(String key, int operations) {
        var file = file(key);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            int count = in.readInt();
            int dimensions = in.readInt();
            if (count != operations) {
                return Optional.empty();
            }
            var vectors = new float[count][dimensions];
            for (var vector : vectors) {
                for (int i = 0; i < dimensions; i++) {
                    vector[i] = in.readFloat();
                }
            }
            return Optional.of(new OperationVectors(vectors));
        } catch (IOException e) {
            LOG.warning(() -> "Ignoring unreadable search vector cache " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Best effort: a read-only cache directory only costs the next start the computation. */
    void write(String key, OperationVectors vectors) {
        var file = file(key);
        try {
            Files.createDirectories(dir);
            var temporary = Files.createTempFile(dir, key, ".part");
            temporary.toFile().deleteOnExit();
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                out.writeInt(FORMAT);
                out.writeInt(vectors.size());
                int dimensions = vectors.size() == 0 ? 0 : vectors.vectors()[0].length;
                out.writeInt(dimensions);
                for (var vector : vectors.vectors()) {
                    for (float value : vector) {
                        out.writeFloat(value);
                    }
                }
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Could not cache search vectors in " + dir + " (" + e.getMessage()
                    + "); the next start computes them again");
        }
    }

    private Path file(String key) {
        return dir.resolve(key + ".vectors");
    }
}
