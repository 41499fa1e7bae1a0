package com.trackdesk.mcp.search.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Common English words, so that a real word the spec happens not to use is not "corrected" into one it does use
 * ("slash" → "splash", "shards" → "share", "whole" → "while", "forum" → "form"). The list is the whole words of the
 * embedding model's WordPiece vocabulary (about 20,000 lower-case words; word pieces and the rest left out), which
 * ships in the model's artifact anyway: no second dictionary to maintain, and it is there even when semantic ranking
 * is switched off. Misspellings are rarely in it ("wroker", "serach", "acount", "emebddings" are not).
 */
final class EnglishWords {

    private static final Logger LOG = Logger.getLogger(EnglishWords.class.getName());

    private EnglishWords() {
    }

    /** @param word lower case, as typed */
    static boolean contains(String word) {
        return Loaded.WORDS.contains(word);
    }

    /** Reads the list now, while an index is built, rather than in the first search that meets an unknown word. */
    static int count() {
        return Loaded.WORDS.size();
    }

    /** Read on first use: one JSON file of about 700 KB, once per JVM. */
    private static final class Loaded {
        static final Set<String> WORDS = read();
    }

    private static Set<String> read() {
        var resources = EnglishWords.class.getClassLoader();
        try (InputStream in = resources.getResourceAsStream(QuantizedMiniLm.TOKENIZER)) {
            if (in == null) {
                LOG.warning("The embedding model's vocabulary (" + QuantizedMiniLm.TOKENIZER + ") is missing from the "
                        + "classpath: spelling correction may turn real words into others");
                return Set.of();
            }
            return Set.copyOf(wholeWords(new JsonFactory().createParser(in)));
        } catch (IOException e) {
            LOG.warning("Cannot read the embedding model's vocabulary: " + e.getMessage());
            return Set.of();
        }
    }

    /** The keys of {@code model.vocab} that are plain words: not "##ing", "[CLS]", digits or punctuation. */
    private static Set<String> wholeWords(JsonParser json) throws IOException {
        var words = new HashSet<String>();
        int depth = 0;
        boolean inModel = false;
        for (var token = json.nextToken(); token != null; token = json.nextToken()) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.FIELD_NAME && depth == 1) {
                inModel = "model".equals(json.currentName());
            } else if (token == JsonToken.FIELD_NAME && depth == 2 && inModel && "vocab".equals(json.currentName())) {
                json.nextToken();
                for (var entry = json.nextToken(); entry == JsonToken.FIELD_NAME; entry = json.nextToken()) {
                    var word = json.currentName();
                    if (word.length() > 1 && word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                        words.add(word);
                    }
                    json.nextToken();
                }
                return words;
            }
        }
        return words;
    }
}
