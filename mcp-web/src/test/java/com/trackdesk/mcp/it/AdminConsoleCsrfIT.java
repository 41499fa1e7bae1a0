package com.trackdesk.mcp.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-site request forgery against a logged-in console: the browser of a logged-in admin sends its session
 * cookie with any request, so a state-changing request must also carry the session's CSRF token and come from
 * a page of this server. Each test logs in through the login form as the console's user does, tries what a
 * foreign page could forge — no token, a wrong token, the right token from another origin — and shows that
 * each is refused while the session stays valid and the genuine request still works.
 */
class AdminConsoleCsrfIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FOREIGN_ORIGIN = "https://evil.example";

    final SharedServer server = SharedServer.get();
    /** The admin's browser: it keeps the session cookie and sends it with every request, forged ones included. */
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    String csrfToken;

    @BeforeEach
    void logInThroughTheLoginForm() throws Exception {
        String form = "username=" + encode(server.adminUser()) + "&password=" + encode(server.adminPassword());
        HttpResponse<String> login = send(HttpRequest.newBuilder(admin("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", ownOrigin())
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/admin/");
        JsonNode session = sessionOfTheBrowser();
        assertThat(session.get("user").asText()).isEqualTo(server.adminUser());
        csrfToken = session.get("csrfToken").asText();
        assertThat(csrfToken).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void aStateChangingApiRequestWithoutTheTokenIsRefused(String method) throws Exception {
        HttpResponse<String> forged = send(api(method, "config").header("Origin", ownOrigin()));

        assertRefusedAsForgery(forged);
        assertSessionStillValid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void aStateChangingApiRequestWithAWrongTokenIsRefused(String method) throws Exception {
        HttpResponse<String> forged = send(api(method, "config").header("Origin", ownOrigin())
                .header("X-CSRF-Token", "forged-" + csrfToken.substring(7)));

        assertRefusedAsForgery(forged);
        assertSessionStillValid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void theRightTokenFromAForeignOriginIsRefused(String method) throws Exception {
        HttpResponse<String> byOrigin = send(api(method, "config").header("Origin", FOREIGN_ORIGIN)
                .header("X-CSRF-Token", csrfToken));
        HttpResponse<String> byFetchMetadata = send(api(method, "config").header("Sec-Fetch-Site", "cross-site")
                .header("X-CSRF-Token", csrfToken));

        assertRefusedAsForgery(byOrigin);
        assertRefusedAsForgery(byFetchMetadata);
        assertSessionStillValid();
    }

    /** No API resource changes state today: the right request passes the check and reaches the application. */
    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void theRightTokenFromTheConsolesOwnOriginPassesTheCheck(String method) throws Exception {
        HttpResponse<String> genuine = send(api(method, "config").header("Origin", ownOrigin())
                .header("X-CSRF-Token", csrfToken));

        assertThat(genuine.statusCode()).as("JAX-RS answers: the config is read-only (%s)", genuine.body())
                .isEqualTo(405);
        assertSessionStillValid();
    }

    /** Logging out is the console's own state change: forged ones keep the admin logged in, the genuine one does not. */
    @Test
    void onlyTheGenuineLogoutEndsTheSession() throws Exception {
        HttpRequest.Builder noToken = HttpRequest.newBuilder(admin("logout")).header("Origin", ownOrigin());
        HttpRequest.Builder wrongToken = HttpRequest.newBuilder(admin("logout")).header("Origin", ownOrigin())
                .header("X-CSRF-Token", "wrong");
        HttpRequest.Builder foreignOrigin = HttpRequest.newBuilder(admin("logout")).header("Origin", FOREIGN_ORIGIN)
                .header("X-CSRF-Token", csrfToken);
        HttpRequest.Builder foreignForm = HttpRequest.newBuilder(admin("logout")).header("Origin", FOREIGN_ORIGIN)
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (HttpRequest.Builder forged : new HttpRequest.Builder[] {noToken, wrongToken, foreignOrigin}) {
            assertRefusedAsForgery(send(forged.POST(HttpRequest.BodyPublishers.noBody())));
        }
        assertRefusedAsForgery(send(foreignForm.POST(HttpRequest.BodyPublishers.ofString("csrf=" + encode(csrfToken)))));
        assertSessionStillValid();

        HttpResponse<String> genuine = send(HttpRequest.newBuilder(admin("logout")).header("Origin", ownOrigin())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + encode(csrfToken))));

        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(303);
        assertThat(genuine.headers().firstValue("Location")).get().asString().endsWith("/admin/login.html?loggedOut");
        assertThat(send(HttpRequest.newBuilder(admin("api/session")).GET()).statusCode())
                .as("the session ended").isEqualTo(401);
    }

    // --- helpers ------------------------------------------------------------------------------------

    static void assertRefusedAsForgery(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("CSRF");
    }

    void assertSessionStillValid() throws IOException, InterruptedException {
        JsonNode session = sessionOfTheBrowser();
        assertThat(session.get("user").asText()).as("still logged in").isEqualTo(server.adminUser());
        assertThat(session.get("csrfToken").asText()).as("the same token").isEqualTo(csrfToken);
        HttpResponse<String> summary = send(HttpRequest.newBuilder(admin("api/metrics/summary")).GET());
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    }

    JsonNode sessionOfTheBrowser() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(admin("api/session")).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpRequest.Builder api(String method, String path) {
        return HttpRequest.newBuilder(admin("api/" + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"MCP_READ_ONLY\":\"false\"}"));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.header("X-Requested-With", "XMLHttpRequest").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI admin(String path) {
        return server.baseUri().resolve("admin/" + path);
    }

    String ownOrigin() {
        URI base = server.baseUri();
        return base.getScheme() + "://" + base.getAuthority();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
