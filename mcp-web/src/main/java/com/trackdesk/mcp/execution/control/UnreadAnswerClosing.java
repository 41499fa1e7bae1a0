package com.trackdesk.mcp.execution.control;

import org.apache.hc.client5.http.classic.methods.HttpUriRequest;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.glassfish.jersey.apache5.connector.Apache5ConnectionClosingStrategy;
import org.glassfish.jersey.client.ClientRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * How Jersey's Apache connector closes an upstream answer. Its default aborts the connection of a chunked answer, but
 * closes one with a Content-Length by closing its stream, and Apache HttpClient then reads the rest of the body to keep
 * the connection for the next call. For an answer that {@link AnswerReader} left unread because it is too large, that
 * reads all of it after all, as slowly as the upstream sends it (12 MiB dripped over 11 s held the call 11.4 s,
 * {@code RequestLimitsIT}): such a connection is aborted instead (closed, not returned to the pool). Every other
 * answer is closed as before.
 */
final class UnreadAnswerClosing implements Apache5ConnectionClosingStrategy {

    private static final Apache5ConnectionClosingStrategy GRACEFUL =
            new Apache5ConnectionClosingStrategy.Apache5GracefulClosingStrategy();

    @Override
    public void close(ClientRequest clientRequest, HttpUriRequest request, CloseableHttpResponse response,
                      InputStream stream) throws IOException {
        if (OutgoingCall.answerLeftUnread()) {
            request.abort();
        }
        GRACEFUL.close(clientRequest, request, response, stream);
    }
}
