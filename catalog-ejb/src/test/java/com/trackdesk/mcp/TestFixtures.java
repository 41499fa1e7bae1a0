package com.trackdesk.mcp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's vendored test fixtures live (real public specs and evaluation queries, {@code fixtures/}). */
public final class TestFixtures {

    private TestFixtures() {
    }

    public static Path specs() {
        return dir("fixtures.specs.dir", "specs");
    }

    public static Path eval() {
        return dir("fixtures.eval.dir", "eval");
    }

    public static Path spec(String fileName) {
        return specs().resolve(fileName);
    }

    /**
     * The surefire property points at the fixtures when Maven runs from the project root; running the
     * module alone (or from an IDE) falls back to the repository's {@code fixtures/} folder.
     */
    private static Path dir(String property, String name) {
        var configured = System.getProperty(property);
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (var candidate : new String[] {"../fixtures/", "fixtures/", "../../fixtures/"}) {
            var dir = Path.of(candidate + name).toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("Test fixtures not found (the repository's fixtures/ folder): set -D" + property);
    }
}
