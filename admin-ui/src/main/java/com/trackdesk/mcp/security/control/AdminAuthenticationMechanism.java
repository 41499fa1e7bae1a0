package com.trackdesk.mcp.security.control;

import com.trackdesk.mcp.console.entity.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * How the console authenticates, in this order: a login (the login form's servlet calls
 * {@code SecurityContext.authenticate}), a session from an earlier login, HTTP Basic (scripts). Without any of
 * them a protected page redirects to the login form and a protected API call gets 401 with a JSON body,
 * never data. The 401 challenges for HTTP Basic only when the request tried Basic: a console page whose session
 * ended must send its user to the login form, not make the browser pop up its own password dialog. Wrong
 * passwords are throttled per client ({@link LoginThrottle}).
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "Trackdesk admin";
    /** The console's own scripts send this, so that a 401 does not pop up the browser's Basic dialog. */
    static final String CONSOLE_REQUEST_HEADER = "X-Requested-With";
    /** Set on a login request refused because its client is locked out: the seconds it has to wait. */
    public static final String THROTTLED_FOR_SECONDS = "trackdesk.login.throttledForSeconds";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            Optional<Duration> locked = throttle.lockedFor(request.getRemoteAddr());
            if (locked.isPresent()) {
                request.setAttribute(THROTTLED_FOR_SECONDS, seconds(locked.get()));
                return AuthenticationStatus.SEND_FAILURE;
            }
            CredentialValidationResult result = validate(request, credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            AdminSession.remember(request.getSession(true), result.getCallerPrincipal().getName());
            return context.notifyContainerAboutLogin(result);
        }
        Optional<String> sessionUser = AdminSession.user(request);
        if (sessionUser.isPresent()) {
            return context.notifyContainerAboutLogin(sessionUser.get(), Set.of(AdminAccount.ROLE));
        }
        Optional<UsernamePasswordCredential> basic = basicCredential(request);
        if (basic.isPresent()) {
            Optional<Duration> locked = throttle.lockedFor(request.getRemoteAddr());
            if (locked.isPresent()) {
                return tooManyAttempts(response, seconds(locked.get()));
            }
            CredentialValidationResult result = validate(request, basic.get());
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result)
                    : unauthorized(request, response, "wrong user name or password");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(request, response, "log in at " + request.getContextPath() + "/login.html"
                    + " or send HTTP Basic credentials");
        }
        return context.redirect(request.getContextPath() + "/login.html");
    }

    private CredentialValidationResult validate(HttpServletRequest request, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(request.getRemoteAddr());
        } else {
            throttle.failed(request.getRemoteAddr());
        }
        return result;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, long seconds) {
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.toJson(new ApiProblem("too many failed logins",
                    "too many wrong passwords from this address: try again in " + seconds + " s")));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; the status is what matters
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Optional<UsernamePasswordCredential> basicCredential(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        try {
            // 401 must name a scheme: Basic only for callers that use it, so browsers never pop up a dialog
            boolean triedBasic = basicCredential(request).isPresent();
            response.setHeader("WWW-Authenticate", triedBasic && request.getHeader(CONSOLE_REQUEST_HEADER) == null
                    ? "Basic realm=\"" + REALM + "\", charset=\"UTF-8\""
                    : "Session realm=\"" + REALM + "\", login=\"" + request.getContextPath() + "/login.html\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.toJson(new ApiProblem("authentication required", detail)));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; the status is what matters
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
