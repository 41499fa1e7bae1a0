package com.trackdesk.mcp.authorization.control;

import com.trackdesk.mcp.authorization.entity.ClientRegistration;
import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import com.trackdesk.mcp.configuration.control.SettingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Client ID Metadata Documents: a client_id that is an https URL names a JSON document with the client's name
 * and redirect URIs, which is fetched here with guards against server-side request forgery: https only; the
 * host's every DNS address must be public ({@link AddressGuard}); redirects are refused; at most
 * {@link #MAX_BYTES} bytes within {@code MCP_OAUTH_CIMD_TIMEOUT_MS}. Documents are cached for
 * {@link #CACHE_LIFE}.
 *
 * <p>{@code MCP_OAUTH_CIMD_INSECURE_TEST_MODE=true} lifts the address guard and trusts any TLS certificate, so
 * tests can serve a document from a local https server. It is for tests and development only, off by default,
 * and logged as a warning when on.
 */
@ApplicationScoped
public class MetadataDocuments {

    private static final Logger LOG = Logger.getLogger(MetadataDocuments.class.getName());
    static final int MAX_BYTES = 64 * 1024;
    static final Duration CACHE_LIFE = Duration.ofMinutes(5);
    static final int MAX_CACHED = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private boolean insecureTestMode;
    private Duration timeout;
    private HttpClient http;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ClientRegistration client, Instant until) {
    }

    MetadataDocuments() {
        // for CDI
    }

    @Inject
    public MetadataDocuments(@ConfigProperty(name = "MCP_OAUTH_CIMD_TIMEOUT_MS", defaultValue = "5000") long timeoutMillis,
                             @ConfigProperty(name = "MCP_OAUTH_CIMD_INSECURE_TEST_MODE", defaultValue = "false") boolean insecureTestMode) {
        this.insecureTestMode = insecureTestMode;
        this.timeout = Duration.ofMillis(SettingRules.positive("MCP_OAUTH_CIMD_TIMEOUT_MS", timeoutMillis, "milliseconds"));
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (insecureTestMode) {
            LOG.warning("MCP_OAUTH_CIMD_INSECURE_TEST_MODE is on: client metadata documents may come from local "
                    + "addresses and any TLS certificate is trusted. For tests and development only.");
            builder.sslContext(trustingEverything());
        }
        http = builder.build();
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    public static boolean isDocumentUrl(String clientId) {
        return clientId != null && clientId.regionMatches(true, 0, "https://", 0, 8);
    }

    public ClientRegistration fetch(String clientId) {
        Cached cached = cache.get(clientId);
        if (cached != null && clientClock().isBefore(cached.until())) {
            return cached.client();
        }
        ClientRegistration client = load(clientId);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(clientId, new Cached(client, clientClock().plus(CACHE_LIFE)));
        return client;
    }

    private Instant clientClock() {
        return clock.instant();
    }

    ClientRegistration load(String clientId) {
        URI url = checkedUrl(clientId);
        requirePublic(url.getHost());
        byte[] body = download(url);
        return parse(clientId, body);
    }

    private static URI checkedUrl(String clientId) {
        URI url;
        try {
            url = new URI(clientId);
        } catch (Exception e) {
            throw invalidClient("the client_id is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null
                || url.getRawFragment() != null || url.getRawPath() == null || url.getRawPath().length() < 2) {
            throw invalidClient("a client_id URL must be https with a host and a path, without user info or fragment");
        }
        return url;
    }

    private void requirePublic(String host) {
        if (insecureTestMode) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw invalidClient("the client metadata document's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!AddressGuard.isPublic(address)) {
                throw invalidClient("the client metadata document's host resolves to a private, loopback or "
                        + "link-local address, which this server does not fetch from");
            }
        }
    }

    private byte[] download(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw invalidClient("the client metadata document did not arrive in time");
        } catch (ExecutionException e) {
            // the request's own timeout and the wait above are the same length: whichever fires first, it is a timeout
            if (e.getCause() instanceof HttpTimeoutException) {
                throw invalidClient("the client metadata document did not arrive in time");
            }
            throw invalidClient("the client metadata document could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw invalidClient("the client metadata document could not be fetched");
        }
        InputStream stream = response.body();
        if (response.statusCode() != 200) {
            close(stream);
            throw invalidClient("the client metadata document answered HTTP " + response.statusCode()
                    + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readLimited(stream));
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            return read.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            close(stream);
            throw invalidClient("the client metadata document did not arrive in time");
        } catch (ExecutionException e) {
            close(stream);
            if (e.getCause() instanceof OAuthProblem problem) {
                throw problem;
            }
            throw invalidClient("the client metadata document could not be read");
        } catch (InterruptedException e) {
            close(stream);
            Thread.currentThread().interrupt();
            throw invalidClient("the client metadata document could not be read");
        }
    }

    private static byte[] readLimited(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw invalidClient("the client metadata document is larger than " + MAX_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw invalidClient("the client metadata document could not be read");
        }
    }

    private static ClientRegistration parse(String clientId, byte[] body) {
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw invalidClient("the client metadata document is not JSON");
        }
        if (!document.isObject() || !clientId.equals(document.path("client_id").asString(""))) {
            throw invalidClient("the client metadata document's client_id must equal its URL");
        }
        JsonNode uris = document.path("redirect_uris");
        if (!uris.isArray() || uris.isEmpty()) {
            throw invalidClient("the client metadata document names no redirect_uris");
        }
        List<String> redirectUris = new ArrayList<>();
        for (JsonNode uri : uris) {
            String text = uri.asString("");
            RedirectUris.problem(text).ifPresent(problem -> {
                throw invalidClient(problem);
            });
            redirectUris.add(text);
        }
        String name = document.path("client_name").asString("");
        if (name.isBlank()) {
            name = URI.create(clientId).getHost().toLowerCase(Locale.ROOT);
        }
        return new ClientRegistration(clientId, name.length() > 100 ? name.substring(0, 100) : name, redirectUris);
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing only to stop a slow sender
        }
    }

    private static OAuthProblem invalidClient(String description) {
        return new OAuthProblem("invalid_client", description);
    }

    private static SSLContext trustingEverything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new X509ExtendedTrustManager() {
                // extended: a plain X509TrustManager would be wrapped by JSSE and still check host names
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // test mode only
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // test mode only
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
                    // test mode only
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
                    // test mode only
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                    // test mode only
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                    // test mode only
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
