package com.trackdesk.mcp.protocol.boundary;

import com.trackdesk.mcp.protocol.control.JsonDepthLimit;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request body is read whole, within its bounds, whatever its Content-Length says. */
class RequestBodyLimitsTest {

    static final String BODY = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search\","
            + "\"arguments\":{\"query\":\"approved conversions last week\"}}}";

    final RequestBodyLimits limits = new RequestBodyLimits();

    {
        limits.maxRequestBytes = 1_048_576;
        limits.depth = new JsonDepthLimit(64);
    }

    @Test
    void aBodyReachesTheReaderWholeWithTheRightLengthAWrongOneOrNone() throws IOException {
        assertThat(readThrough(BODY, String.valueOf(BODY.length()))).isEqualTo(BODY);
        assertThat(readThrough(BODY, null)).isEqualTo(BODY);
        assertThat(readThrough(BODY, "5")).isEqualTo(BODY);
        assertThat(readThrough(BODY, "900000")).isEqualTo(BODY);
        assertThat(readThrough(BODY, "not a number")).isEqualTo(BODY);
        String large = "{\"q\":\"" + "x".repeat(200_000) + "\"}";
        assertThat(readThrough(large, null)).isEqualTo(large);
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWhateverItDeclares() throws IOException {
        limits.maxRequestBytes = 100;
        assertThatThrownBy(() -> readThrough(BODY, "50")).isInstanceOf(WebApplicationException.class)
                .satisfies(e -> assertThat(((WebApplicationException) e).getResponse().getStatus()).isEqualTo(413));
        assertThatThrownBy(() -> readThrough(BODY, null)).isInstanceOf(WebApplicationException.class)
                .satisfies(e -> assertThat(((WebApplicationException) e).getResponse().getStatus()).isEqualTo(413));
        limits.maxRequestBytes = BODY.length();
        assertThat(readThrough(BODY, null)).isEqualTo(BODY);
    }

    @Test
    void aLiedLengthDoesNotMakeTheServerAllocateIt() {
        assertThat(RequestBodyLimits.initialCapacity("1048576", 1_048_576)).isEqualTo(RequestBodyLimits.MAX_PREALLOCATED);
        assertThat(RequestBodyLimits.initialCapacity("149", 1_048_576)).isEqualTo(150);
        assertThat(RequestBodyLimits.initialCapacity(null, 10)).isEqualTo(11);
    }

    /** The interceptor over a body that arrives a few bytes at a time, as from a socket; returns what the reader got. */
    private String readThrough(String body, String contentLength) throws IOException {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (contentLength != null) {
            headers.putSingle("Content-Length", contentLength);
        }
        InputStream[] stream = {new FilterInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        }};
        ReaderInterceptorContext context = (ReaderInterceptorContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ReaderInterceptorContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> stream[0];
                    case "setInputStream" -> {
                        stream[0] = (InputStream) args[0];
                        yield null;
                    }
                    case "getHeaders" -> headers;
                    case "proceed" -> new String(stream[0].readAllBytes(), StandardCharsets.UTF_8);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (String) limits.aroundReadFrom(context);
    }
}
