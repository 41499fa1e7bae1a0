package com.trackdesk.mcp.authorization;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An OAuth public client for tests, doing by hand what MCP clients do: register, open the authorization URL,
 * submit the sign-in form as a browser would (with the page's cookie), and use the token endpoint. Raw HTTP, so
 * tests can also leave out or break any part. Redirects are never followed: tests read the Location.
 */
public final class OAuthClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String REDIRECT_URI = "http://127.0.0.1:39999/callback";

    /** HTTP/1.1: after an h2c upgrade the JDK client sends :authority and drops a chosen Host header. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String host;

    public final String verifier;
    public final String challenge;

    public OAuthClient(URI base, String host) {
        this.base = base;
        this.host = host;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        challenge = s256(verifier);
    }

    /** The sign-in page as shown, with the cookie it set. */
    public record Page(int status, String html, String cookie) {
        String sealedRequest() {
            Matcher m = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(html);
            if (!m.find()) {
                throw new AssertionError("no sealed request in the page: " + html);
            }
            return m.group(1);
        }
    }

    public String register(String name) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("oauth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_name\":\"" + name + "\",\"redirect_uris\":[\""
                        + REDIRECT_URI + "\"],\"token_endpoint_auth_method\":\"none\"}")));
        if (answer.statusCode() != 201) {
            throw new AssertionError("registration failed: " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("client_id").asString();
    }

    public HttpResponse<String> authorize(Map<String, String> parameters) {
        return send(HttpRequest.newBuilder(base.resolve("oauth/authorize?" + form(parameters))).GET());
    }

    public Map<String, String> authorizationRequest(String clientId, String resource) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("state", "st-" + System.nanoTime());
        parameters.put("code_challenge", challenge);
        parameters.put("code_challenge_method", "S256");
        if (resource != null) {
            parameters.put("resource", resource);
        }
        return parameters;
    }

    public Page signInPage(Map<String, String> parameters) {
        HttpResponse<String> answer = authorize(parameters);
        String cookie = answer.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(null);
        return new Page(answer.statusCode(), answer.body(), cookie);
    }

    /** Submits the sign-in form; cookie null leaves it out (as a cross-site forgery would). */
    public HttpResponse<String> submit(Page page, String apiKey, String access, String cookie) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("request", page.sealedRequest());
        fields.put("api_key", apiKey);
        fields.put("access", access);
        fields.put("decision", "allow");
        HttpRequest.Builder post = HttpRequest.newBuilder(base.resolve("oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (cookie != null) {
            post.header("Cookie", cookie);
        }
        return send(post);
    }

    /** The whole sign-in: page, form, redirect; returns the query parameters sent back to the redirect URI. */
    public Map<String, String> signIn(String clientId, String apiKey, String access, String resource) {
        Page page = signInPage(authorizationRequest(clientId, resource));
        if (page.status() != 200) {
            throw new AssertionError("sign-in page: " + page.status() + " " + page.html());
        }
        HttpResponse<String> answer = submit(page, apiKey, access, page.cookie());
        if (answer.statusCode() != 303) {
            throw new AssertionError("sign-in: " + answer.statusCode() + " " + answer.body());
        }
        return query(answer.headers().firstValue("Location").orElseThrow());
    }

    public HttpResponse<String> token(Map<String, String> fields) {
        return send(HttpRequest.newBuilder(base.resolve("oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    public HttpResponse<String> exchange(String clientId, String code, String verifier) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "client_id", clientId,
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
    }

    public HttpResponse<String> refresh(String clientId, String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (host != null) {
            request.header("Host", host);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
