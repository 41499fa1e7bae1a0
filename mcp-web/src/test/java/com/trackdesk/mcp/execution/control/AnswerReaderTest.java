package com.trackdesk.mcp.execution.control;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An upstream answer is read up to MCP_MAX_UPSTREAM_BYTES and no further. */
class AnswerReaderTest {

    static final long MAX = 10;

    /** A body of {@code size} bytes that counts how many of them were read. */
    static final class CountingBody implements AnswerReader.Body {
        final AtomicInteger read = new AtomicInteger();
        final int size;
        boolean opened;

        CountingBody(int size) {
            this.size = size;
        }

        @Override
        public InputStream open() {
            opened = true;
            return new InputStream() {
                @Override
                public int read() {
                    return read.get() < size ? 'a' + read.getAndIncrement() % 26 : -1;
                }
            };
        }
    }

    @Test
    void anAnswerOfExactlyTheBoundIsReadWhole() throws IOException {
        Optional<byte[]> bytes = AnswerReader.readAtMost(new CountingBody(10)::open, -1, MAX);

        assertThat(bytes).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("abcdefghij"));
    }

    @Test
    void oneByteMoreWithoutAContentLengthIsRefusedAfterReadingOneByteOverTheBound() throws IOException {
        CountingBody body = new CountingBody(1_000_000);

        assertThat(AnswerReader.readAtMost(body, -1, MAX)).isEmpty();
        assertThat(body.read.get()).as("bytes read of a chunked answer too large").isEqualTo(11);
    }

    @Test
    void anAnswerDeclaredLargerThanTheBoundIsNotReadAtAll() throws IOException {
        CountingBody body = new CountingBody(1_000_000);

        assertThat(AnswerReader.readAtMost(body, 1_000_000, MAX)).isEmpty();
        assertThat(body.opened).as("the body was opened").isFalse();
    }

    @Test
    void anAnswerLongerThanItsContentLengthSaysIsStillBounded() throws IOException {
        // a Content-Length that lies low does not lift the bound
        CountingBody body = new CountingBody(1_000);

        assertThat(AnswerReader.readAtMost(body, 5, MAX)).isEmpty();
        assertThat(body.read.get()).isEqualTo(11);
    }

    @Test
    void anEmptyBodyIsEmptyText() throws IOException {
        assertThat(AnswerReader.readAtMost(() -> new ByteArrayInputStream(new byte[0]), 0, MAX)).hasValue(new byte[0]);
    }

    @Test
    void aFailingReadIsReportedNotSwallowed() {
        AnswerReader.Body broken = () -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Read timed out");
            }
        };

        assertThatThrownBy(() -> AnswerReader.readAtMost(broken, -1, MAX)).isInstanceOf(IOException.class);
    }

    @Test
    void textIsDecodedInTheCharsetTheAnswerNamesAndInUtf8Otherwise() {
        assertThat(AnswerReader.charsetOf(new MediaType("application", "json", Map.of("charset", "ISO-8859-1"))))
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(AnswerReader.charsetOf(MediaType.APPLICATION_JSON_TYPE)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(AnswerReader.charsetOf(null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(AnswerReader.charsetOf(new MediaType("text", "plain", Map.of("charset", "no-such-charset"))))
                .as("an unknown charset").isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aBoundOutsideWhatOneArrayHoldsStopsTheDeployment() {
        AnswerReader reader = new AnswerReader();
        reader.maxBytes = 0;
        assertThatThrownBy(reader::checkSettings).hasMessageContaining("MCP_MAX_UPSTREAM_BYTES must be a positive number of bytes");
        reader.maxBytes = AnswerReader.LARGEST_BOUND + 1;
        assertThatThrownBy(reader::checkSettings).hasMessageContaining("MCP_MAX_UPSTREAM_BYTES must be at most");
    }
}
