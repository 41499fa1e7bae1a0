package com.trackdesk.mcp.search.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The bundled list of words that never decide which operation someone means. */
public final class Stopwords {

    public static final String BUNDLED = "search/stopwords.txt";

    private Stopwords() {
    }

    public static List<String> bundled() {
        var in = Objects.requireNonNull(Stopwords.class.getClassLoader().getResourceAsStream(BUNDLED),
                "bundled stopwords " + BUNDLED + " missing from the class path");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
