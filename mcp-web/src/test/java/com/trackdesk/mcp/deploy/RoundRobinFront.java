package com.trackdesk.mcp.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load balancer of the cluster test, behaving like the Caddy front of docker-compose.yml: round robin
 * over the backends; a backend whose /health/ready is not 200 gets no new requests (active health check
 * every 500 ms); a request whose connection is refused never reached its backend and is retried on the
 * next one; any other failure is answered 502 and never retried (the backend may have acted on it). Each
 * answer says which backend served it in {@code X-Backend}.
 */
final class RoundRobinFront implements AutoCloseable {

    static final String BACKEND_HEADER = "X-Backend";
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    record Backend(String name, URI base) {
    }

    private final List<Backend> backends;
    private final Map<String, Boolean> healthy = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private volatile boolean activeHealthChecks = true;
    final AtomicInteger retriedAfterRefusal = new AtomicInteger();
    final AtomicInteger failedAfterSending = new AtomicInteger();
    final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    RoundRobinFront(List<Backend> backends) throws IOException {
        this.backends = List.copyOf(backends);
        backends.forEach(b -> {
            healthy.put(b.name(), true);
            served.put(b.name(), new AtomicInteger());
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(workers);
        server.start();
        checks.scheduleWithFixedDelay(this::checkHealth, 0, 500, TimeUnit.MILLISECONDS);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    boolean healthy(String backend) {
        return healthy.get(backend);
    }

    /** Off: a purely passive balancer (like nginx open source), which learns only from refused connections. */
    void activeHealthChecks(boolean on) {
        activeHealthChecks = on;
        if (!on) {
            backends.forEach(b -> healthy.put(b.name(), true));
        }
    }

    private void checkHealth() {
        if (!activeHealthChecks) {
            return;
        }
        for (Backend backend : backends) {
            boolean up;
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(backend.base().resolve("health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                up = ready.statusCode() == 200;
            } catch (IOException e) {
                up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            healthy.put(backend.name(), up);
        }
    }

    /** Healthy backends in round-robin order, then the others (a refused connection moves on to the next). */
    private List<Backend> order() {
        int start = Math.floorMod(next.getAndIncrement(), backends.size());
        List<Backend> first = new ArrayList<>();
        List<Backend> rest = new ArrayList<>();
        for (int i = 0; i < backends.size(); i++) {
            Backend backend = backends.get((start + i) % backends.size());
            (healthy.get(backend.name()) ? first : rest).add(backend);
        }
        first.addAll(rest);
        return first;
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        for (Backend backend : order()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(backend.base().resolve(target.substring(1)))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 && !"POST".equals(exchange.getRequestMethod())
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (ConnectException | HttpConnectTimeoutException refused) {
                // never reached this backend: safe to try the next one, whatever the method
                retriedAfterRefusal.incrementAndGet();
                continue;
            } catch (IOException e) {
                failedAfterSending.incrementAndGet();
                reply(exchange, 502, backend.name(), ("{\"front\":\"" + backend.name() + " failed after the request was sent: "
                        + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            served.get(backend.name()).incrementAndGet();
            reply(exchange, response.statusCode(), backend.name(), response.body(), response.headers().map());
            return;
        }
        reply(exchange, 503, "none", "{\"front\":\"no backend accepted the connection\"}"
                .getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static void reply(HttpExchange exchange, int status, String backend, byte[] body,
                              Map<String, List<String>> headers) throws IOException {
        headers.forEach((name, values) -> {
            if (name != null && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.getResponseHeaders().set(BACKEND_HEADER, backend);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
    }
}
