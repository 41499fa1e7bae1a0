package com.trackdesk.mcp.search.control;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainSynonymsTest {

    @Test
    void theBundledTrackdeskSynonymsParse() {
        assertThat(DomainSynonyms.bundled().words.size()).isGreaterThan(100);
    }

    @Test
    void aBrokenFileIsReportedWithItsName() {
        assertThatThrownBy(() -> DomainSynonyms.parse(new StringReader("a => "), "my-synonyms.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("my-synonyms.txt");
    }

    @Test
    void aMissingFileIsReportedWithItsName() {
        assertThatThrownBy(() -> DomainSynonyms.fromFile(Path.of("/nowhere/synonyms.txt")))
                .hasMessageContaining("/nowhere/synonyms.txt");
    }
}
