package com.trackdesk.mcp.authorization.boundary;

import com.trackdesk.mcp.authorization.control.ApiKeyCheck;
import com.trackdesk.mcp.authorization.control.ClientDirectory;
import com.trackdesk.mcp.authorization.control.GrantIssuer;
import com.trackdesk.mcp.authorization.control.GrantSealer;
import com.trackdesk.mcp.authorization.control.Pkce;
import com.trackdesk.mcp.authorization.control.PublicAddress;
import com.trackdesk.mcp.authorization.control.RedirectUris;
import com.trackdesk.mcp.authorization.control.SignInPage;
import com.trackdesk.mcp.authorization.control.SignInThrottle;
import com.trackdesk.mcp.authorization.entity.ClientRegistration;
import com.trackdesk.mcp.authorization.entity.Grant;
import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import com.trackdesk.mcp.metrics.boundary.CallRecorder;
import com.trackdesk.mcp.tenant.control.TenantResolver;
import com.trackdesk.mcp.tenant.entity.Tenant;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorization endpoint: {@code GET} checks the authorization request and shows the sign-in page,
 * {@code POST} takes the pasted personal access token, checks it with one cheap read call to the tenant's API and
 * sends the client a sealed authorization code. Problems with the client or its redirect URI are shown on the page
 * (never redirected to an unverified URI); other problems go back to the client as OAuth error redirects.
 * CSRF: the form's hidden request is sealed with a random nonce that must equal the nonce in a SameSite cookie set
 * with the page.
 */
@Path("oauth/authorize")
public class AuthorizationEndpoint {

    static final String CSRF_COOKIE = "trackdesk_oauth_csrf";
    static final Duration FORM_LIFE = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TenantResolver tenants;
    @Inject
    ClientDirectory clients;
    @Inject
    GrantSealer sealer;
    @Inject
    GrantIssuer issuer;
    @Inject
    ApiKeyCheck apiKeys;
    @Inject
    SignInThrottle throttle;
    @Inject
    CallRecorder recorder;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@Context UriInfo uri, @HeaderParam("X-Forwarded-Proto") String proto,
                        @HeaderParam(HttpHeaders.HOST) String host,
                        @QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
                        @QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
                        @QueryParam("code_challenge") String challenge,
                        @QueryParam("code_challenge_method") String challengeMethod,
                        @QueryParam("resource") String resource, @QueryParam("scope") String scope) {
        Tenant tenant;
        ClientRegistration client;
        try {
            tenant = tenants.resolve(host);
            client = clients.find(clientId);
        } catch (UnknownTenantException e) {
            return page(400, SignInPage.problem("Unknown Trackdesk program", e.getMessage()), null).build();
        } catch (OAuthProblem e) {
            return page(400, SignInPage.problem("This app cannot sign in", e.getMessage()), null).build();
        }
        String redirect = redirectUri;
        if ((redirect == null || redirect.isBlank()) && client.redirectUris().size() == 1) {
            redirect = client.redirectUris().get(0);
        }
        if (!RedirectUris.matches(client.redirectUris(), redirect)) {
            return page(400, SignInPage.problem("This app cannot sign in",
                    "The redirect URI is not one this app registered, so the answer cannot be sent back safely."), null).build();
        }
        PublicAddress address = PublicAddress.of(uri.getRequestUri().getScheme(), proto, host);
        if (!"code".equals(responseType)) {
            return errorRedirect(redirect, "unsupported_response_type", "only response_type=code is supported", state, address);
        }
        if (!"S256".equals(challengeMethod) || !Pkce.validChallenge(challenge)) {
            return errorRedirect(redirect, "invalid_request", "PKCE is required: code_challenge with "
                    + "code_challenge_method=S256", state, address);
        }
        String target = resource == null || resource.isBlank() ? address.resource(false) : resource;
        if (!target.equals(address.resource(false)) && !target.equals(address.resource(true))) {
            return errorRedirect(redirect, "invalid_target", "resource must be this program's MCP URL "
                    + address.resource(false), state, address);
        }
        boolean readOnlyOnly = target.equals(address.resource(true)) || requestsOnlyReadOnly(scope);
        String nonce = nonce();
        Map<String, String> form = new HashMap<>();
        form.put("tnt", tenant.name());
        form.put("cid", client.clientId());
        form.put("cname", client.name());
        form.put("ruri", redirect);
        form.put("cc", challenge);
        form.put("res", target);
        form.put("ro", String.valueOf(readOnlyOnly));
        form.put("nonce", nonce);
        if (state != null) {
            form.put("state", state);
        }
        String sealed = sealer.sealForm(form, Instant.now().plus(FORM_LIFE));
        String html = SignInPage.form(tenant.name(), client.name(), hostOf(client.clientId()), sealed, readOnlyOnly,
                false, null);
        return page(200, html, redirect).cookie(csrfCookie(nonce, address)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@Context UriInfo uri, @Context HttpServletRequest http,
                           @HeaderParam("X-Forwarded-Proto") String proto, @HeaderParam(HttpHeaders.HOST) String host,
                           @CookieParam(CSRF_COOKIE) String cookieNonce, @FormParam("request") String sealedRequest,
                           @FormParam("api_key") String apiKey, @FormParam("access") String access,
                           @FormParam("decision") String decision) {
        Map<String, Object> form = sealer.openForm(sealedRequest).orElse(null);
        if (form == null) {
            return page(400, SignInPage.problem("Sign-in expired",
                    "This sign-in page is no longer valid (it expired or was changed)."), null).build();
        }
        String nonce = (String) form.get("nonce");
        if (cookieNonce == null || !cookieNonce.equals(nonce)) {
            return page(403, SignInPage.problem("Sign-in refused",
                    "The sign-in form did not come from this page (missing or wrong CSRF cookie). Cookies must be on."), null).build();
        }
        Tenant tenant;
        try {
            tenant = tenants.resolve(host);
        } catch (UnknownTenantException e) {
            return page(400, SignInPage.problem("Unknown Trackdesk program", e.getMessage()), null).build();
        }
        if (!tenant.name().equals(form.get("tnt"))) {
            return page(400, SignInPage.problem("Sign-in refused", "This sign-in belongs to another Trackdesk program."), null).build();
        }
        PublicAddress address = PublicAddress.of(uri.getRequestUri().getScheme(), proto, host);
        String redirect = (String) form.get("ruri");
        String state = (String) form.get("state");
        if ("deny".equals(decision)) {
            return errorRedirect(redirect, "access_denied", "the user cancelled the sign-in", state, address);
        }
        boolean readOnlyOnly = Boolean.parseBoolean((String) form.get("ro"));
        boolean readOnly = readOnlyOnly || "read".equals(access);
        String client = (String) form.get("cname");
        String caller = callerAddress(http);
        Duration wait = throttle.waitFor(tenant.name(), caller);
        if (!wait.isZero()) {
            return page(429, SignInPage.form(tenant.name(), client, hostOf((String) form.get("cid")), sealedRequest,
                    readOnlyOnly, readOnly, "Too many failed sign-ins. Try again in " + Math.max(1, wait.toMinutes())
                            + " minute(s)."), redirect).header("Retry-After", Math.max(1, wait.toSeconds())).build();
        }
        String key = apiKey == null ? "" : apiKey.trim();
        if (key.isEmpty()) {
            return page(400, SignInPage.form(tenant.name(), client, hostOf((String) form.get("cid")), sealedRequest,
                    readOnlyOnly, readOnly, "Paste your personal access token."), redirect).build();
        }
        ApiKeyCheck.Verdict verdict = apiKeys.check(tenant, key);
        if (verdict != ApiKeyCheck.Verdict.UNKNOWN) {
            recorder.recordSignIn(verdict == ApiKeyCheck.Verdict.ACCEPTED);
        }
        if (verdict != ApiKeyCheck.Verdict.ACCEPTED) {
            if (verdict == ApiKeyCheck.Verdict.REJECTED) {
                throttle.failed(tenant.name(), caller);
            }
            String message = verdict == ApiKeyCheck.Verdict.REJECTED ? ApiKeyCheck.REJECTED_MESSAGE
                    : "Trackdesk could not be asked whether this token works right now. Try again in a moment.";
            return page(verdict == ApiKeyCheck.Verdict.REJECTED ? 401 : 503, SignInPage.form(tenant.name(), client,
                    hostOf((String) form.get("cid")), sealedRequest, readOnlyOnly, readOnly, message), redirect).build();
        }
        String scope = readOnly ? Grant.READ_ONLY_SCOPE : Grant.FULL_SCOPE;
        String code = issuer.issueCode(tenant, (String) form.get("res"), (String) form.get("cid"), scope, key, redirect,
                (String) form.get("cc"));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("iss", address.issuer());
        if (state != null) {
            answer.put("state", state);
        }
        return Response.seeOther(RedirectUris.withQuery(redirect, answer)).cacheControl(noStore())
                .cookie(new NewCookie.Builder(CSRF_COOKIE).path("/oauth").value("").maxAge(0).build()).build();
    }

    private static boolean requestsOnlyReadOnly(String scope) {
        if (scope == null || scope.isBlank()) {
            return false;
        }
        List<String> scopes = List.of(scope.trim().split("\\s+"));
        return scopes.contains(Grant.READ_ONLY_SCOPE) && !scopes.contains(Grant.FULL_SCOPE);
    }

    private static Response errorRedirect(String redirect, String error, String description, String state,
                                          PublicAddress address) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        answer.put("iss", address.issuer());
        if (state != null) {
            answer.put("state", state);
        }
        return Response.seeOther(RedirectUris.withQuery(redirect, answer)).cacheControl(noStore()).build();
    }

    /**
     * An HTML answer that no one may frame or cache. The form may only post here and redirect to the client's
     * redirect URI (Chrome applies {@code form-action} to the redirect after a POST).
     */
    private static Response.ResponseBuilder page(int status, String html, String redirect) {
        String formAction = "'self'" + (redirect == null ? "" : " " + cspSource(redirect));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html)
                .cacheControl(noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action "
                        + formAction + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }

    private static String cspSource(String redirect) {
        URI target = URI.create(redirect);
        String scheme = target.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return scheme + ":";
        }
        return scheme + "://" + target.getRawAuthority().replaceAll("[^A-Za-z0-9.:\\[\\]-]", "");
    }

    private static NewCookie csrfCookie(String nonce, PublicAddress address) {
        return new NewCookie.Builder(CSRF_COOKIE).value(nonce).path("/oauth").httpOnly(true)
                .secure(address.issuer().startsWith("https:")).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) FORM_LIFE.toSeconds()).build();
    }

    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }

    private static String nonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The client's host when its client_id is a metadata document URL; users see who is really asking. */
    private static String hostOf(String clientId) {
        if (clientId != null && clientId.startsWith("https://")) {
            try {
                return URI.create(clientId).getHost();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The address failed sign-ins are counted for: the connection's peer, and the address a proxy in front of the
     * cluster (Caddy) added last to {@code X-Forwarded-For}, so users behind one proxy are not throttled together.
     */
    private static String callerAddress(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        String last = forwarded == null ? "" : forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        return http.getRemoteAddr() + "|" + last;
    }
}
