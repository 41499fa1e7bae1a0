package com.trackdesk.mcp.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Plain HTTP GETs and polling for the deployment tests. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Http() {
    }

    static HttpResponse<String> get(URI uri) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the answer satisfies the condition; fails with the last answer after the timeout. */
    static HttpResponse<String> await(URI uri, Duration timeout, Predicate<HttpResponse<String>> condition) {
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
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError(uri + " not as expected after " + timeout + ": "
                + (last == null ? failure : last.statusCode() + " " + last.body()));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
