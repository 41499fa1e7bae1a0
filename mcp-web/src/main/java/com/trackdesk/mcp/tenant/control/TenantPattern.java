package com.trackdesk.mcp.tenant.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which Host labels name a tenant. Always a DNS label (lower-case letters, digits, inner '-', at most
 * 63 characters), so a tenant can never smuggle a host, port, path or dot into the upstream URL.
 * {@code MCP_TENANT_PATTERN} (a Java regex that must match the whole label) can only narrow this,
 * e.g. {@code [a-z][a-z0-9]{2,29}} or {@code acme|globex}; it never admits anything that is not a DNS label.
 */
@ApplicationScoped
public class TenantPattern {

    /** A DNS label, RFC 1035 / 1123. */
    public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Optional<Pattern> narrower = Optional.empty();

    public TenantPattern() {
        // for CDI, and the default: any DNS label
    }

    @Inject
    public TenantPattern(@ConfigProperty(name = "MCP_TENANT_PATTERN") Optional<String> configured) {
        this.narrower = configured.map(String::trim).filter(p -> !p.isEmpty()).map(TenantPattern::compile);
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    public boolean matches(String label) {
        return label != null && DNS_LABEL.matcher(label).matches()
                && narrower.map(p -> p.matcher(label).matches()).orElse(true);
    }

    /** The configured narrowing, for messages; empty when any DNS label is a tenant. */
    public Optional<String> configured() {
        return narrower.map(Pattern::pattern);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw SettingRules.refused("MCP_TENANT_PATTERN must be a regular expression: " + e.getDescription());
        }
    }
}
