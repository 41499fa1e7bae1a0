package com.trackdesk.mcp.testsupport.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Plain HTTP for tests that check a deployed server: nothing between the test and the bytes the server sends
 * (redirects are not followed), and polling until a server answers as expected.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private Http() {
    }

    /** A GET with header names and values in pairs; fails with the address when the request does. */
    public static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the answer satisfies the condition; fails with the last answer (or failure) after the timeout. */
    public static HttpResponse<String> await(URI uri, Duration timeout, Predicate<HttpResponse<String>> condition) {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        String failure = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(uri);
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            sleep(POLL_INTERVAL);
        }
        throw new AssertionError(uri + " not as expected after " + timeout + ": "
                + (last == null ? failure : last.statusCode() + " " + last.body()));
    }

    /** A pause between polls; keeps the thread's interrupt flag. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
