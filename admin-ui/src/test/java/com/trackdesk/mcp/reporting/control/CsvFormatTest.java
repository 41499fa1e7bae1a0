package com.trackdesk.mcp.reporting.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFormatTest {

    @Test
    void cellsWithSeparatorsOrQuotesAreQuoted() {
        assertThat(CsvFormat.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFormat.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvFormat.text("plain")).isEqualTo("plain");
        assertThat(CsvFormat.text(null)).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(CsvFormat.text("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(CsvFormat.text("+1")).isEqualTo("'+1");
        assertThat(CsvFormat.text("-1")).isEqualTo("'-1");
        assertThat(CsvFormat.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
