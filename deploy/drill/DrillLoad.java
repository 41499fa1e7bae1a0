import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of the fault drill: simulated MCP clients, each with its own API key and connection, that
 * initialize and then alternate search and execute (against the sandbox upstream) through the cluster's
 * front, with a short think time, until a stop file appears (and at least a minimum time has passed).
 *
 * <p>One line per tool call goes to the events file: {@code startMillis endMillis tool outcome instance},
 * outcome {@code ok} or the reason it failed (HTTP status, with {@code _proxy} when no instance answered,
 * connection error, JSON-RPC error, tool error), instance the one that answered ({@code -}: none), so that
 * the drill can tell which failures fell into which fault and which instance served each call. Plain JDK, one file, run with the source launcher:
 * {@code java DrillLoad.java --url https://{tenant}.trackdesk.localhost:8443/mcp --tenants 8 --tenant-prefix drill-t
 * --ca root.crt --clients 64
 * --min-seconds 180 --stop-file stop --events events.txt --key-prefix drill-abc}: client c is tenant
 * {@code drill-t(c mod 8)}. The hosts of the URL must resolve to the front (the drill passes
 * {@code -Djdk.net.hosts.file}).
 */
public final class DrillLoad {

    private static final String[] SEARCHES = {"newest affiliates", "list tags", "approved conversions last week",
            "create a coupon", "payouts", "offers", "conversion report by country", "tiers"};
    private static final String[] EXECUTES = {
            "{\"operationId\":\"TagsService_ListTags\"}",
            "{\"operationId\":\"AffiliateService_ListAffiliates\",\"body\":{\"pagination\":{\"limit\":5}},\"fields\":[\"affiliates.id\"]}"};
    /** The instance that answered (mcp-web's ServingInstanceHeader; local-cluster.sh names them mcp-1, mcp-2). */
    private static final String SERVED_BY = "Trackdesk-Instance";
    private static final Pattern TOOL_ERROR_TEXT = Pattern.compile("\"text\":\"([^\"]{0,40})");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String urlTemplate = options.get("url");
        int tenants = Integer.parseInt(options.getOrDefault("tenants", "1"));
        String tenantPrefix = options.getOrDefault("tenant-prefix", "demo");
        int clients = Integer.parseInt(options.getOrDefault("clients", "64"));
        long minMillis = Long.parseLong(options.getOrDefault("min-seconds", "180")) * 1000;
        long maxMillis = Long.parseLong(options.getOrDefault("max-seconds", "1800")) * 1000;
        long thinkMillis = Long.parseLong(options.getOrDefault("think-ms", "200"));
        Path stopFile = Path.of(options.get("stop-file"));
        String keyPrefix = options.get("key-prefix");
        SSLContext tls = trusting(Path.of(options.get("ca")));

        long started = System.currentTimeMillis();
        try (BufferedWriter events = Files.newBufferedWriter(Path.of(options.get("events")), StandardCharsets.UTF_8)) {
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String key = keyPrefix + "-" + c;
                URI url = URI.create(urlTemplate.replace("{tenant}", tenants == 1 ? tenantPrefix : tenantPrefix + (c % tenants)));
                Thread thread = new Thread(() -> new Client(url, key, tls, events, thinkMillis)
                        .run(() -> {
                            long elapsed = System.currentTimeMillis() - started;
                            return elapsed >= maxMillis || (elapsed >= minMillis && Files.exists(stopFile));
                        }), "drill-client-" + c);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        System.out.println("drill load: " + clients + " clients for " + (System.currentTimeMillis() - started) / 1000 + " s");
    }

    interface Stop {
        boolean now();
    }

    static final class Client {
        private final URI url;
        private final String key;
        private final BufferedWriter events;
        private final long thinkMillis;
        private final HttpClient http;
        private int id;

        Client(URI url, String key, SSLContext tls, BufferedWriter events, long thinkMillis) {
            this.url = url;
            this.key = key;
            this.events = events;
            this.thinkMillis = thinkMillis;
            // its own connections, as a separate assistant would have; HTTP/1.1 as most MCP clients use
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        void run(Stop stop) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop.now() && call("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"drill\",\"version\":\"1\"}}", null) != null) {
                pause(1000);
            }
            while (!stop.now()) {
                call("tools/call", "{\"name\":\"search\",\"arguments\":{\"query\":\""
                        + SEARCHES[random.nextInt(SEARCHES.length)] + "\",\"limit\":5}}", "search");
                pause(random.nextLong(thinkMillis / 2, thinkMillis * 3 / 2 + 1));
                call("tools/call", "{\"name\":\"execute\",\"arguments\":" + EXECUTES[random.nextInt(EXECUTES.length)] + "}",
                        "execute");
                pause(random.nextLong(thinkMillis / 2, thinkMillis * 3 / 2 + 1));
            }
        }

        /** One request; null when it succeeded, else why not. Tool calls are written to the events file. */
        private String call(String method, String params, String tool) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + (++id) + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .header("X-Api-Key", key).header("MCP-Protocol-Version", "2025-06-18")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            long start = System.currentTimeMillis();
            String failure;
            String servedBy = "-";
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                failure = failureOf(response);
                servedBy = response.headers().firstValue(SERVED_BY).orElse("-");
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            }
            if (tool != null) {
                record(start, System.currentTimeMillis(), tool, failure == null ? "ok" : failure, servedBy);
            }
            return failure;
        }

        private static String failureOf(HttpResponse<String> response) {
            String text = response.body();
            if (response.statusCode() != 200) {
                // an instance's answers name it; an error of the proxy itself (no instance reached) does not
                return "HTTP_" + response.statusCode() + (response.headers().firstValue(SERVED_BY).isPresent() ? "" : "_proxy");
            }
            if (text.contains("\"error\":{")) {
                return "JSON-RPC_error";
            }
            if (text.contains("\"isError\":true")) {
                Matcher m = TOOL_ERROR_TEXT.matcher(text);
                return "tool_error:" + (m.find() ? m.group(1).replaceAll("[^A-Za-z0-9]+", "_") : "?");
            }
            return null;
        }

        private void record(long start, long end, String tool, String outcome, String servedBy) {
            synchronized (events) {
                try {
                    events.write(start + " " + end + " " + tool + " " + outcome + " " + servedBy + "\n");
                    events.flush();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write the events file", e);
                }
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Trusts the front's certificate authority (Caddy's local CA), nothing else. */
    static SSLContext trusting(Path caCertificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            store.setCertificateEntry("front-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
