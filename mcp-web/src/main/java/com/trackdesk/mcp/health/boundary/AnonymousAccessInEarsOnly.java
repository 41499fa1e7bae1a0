package com.trackdesk.mcp.health.boundary;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.logging.Logger;

/**
 * Keeps {@link AnonymousAccessMechanism} only where it is needed: in an EAR beside admin-ui. Deployed as its
 * own WAR (Payara Micro), the mere presence of an authentication mechanism makes Soteria run its bridge
 * module on every request, and that looks the BeanManager up through JNDI twice per request under
 * server-wide locks: without it, searches over MCP went from ≈ 1,140/s to ≈ 1,590/s (16 concurrent, same
 * machine, alternating runs). An application whose name is its module's name is a standalone WAR.
 * When the names cannot be read (inside an EAR on Payara Server 6 the module name is not bound yet while
 * CDI starts), the mechanism stays: slower, never broken.
 */
public class AnonymousAccessInEarsOnly implements Extension {

    private static final Logger LOG = Logger.getLogger(AnonymousAccessInEarsOnly.class.getName());

    void decide(@Observes ProcessAnnotatedType<AnonymousAccessMechanism> mechanism) {
        try {
            String application = InitialContext.doLookup("java:app/AppName");
            String module = InitialContext.doLookup("java:module/ModuleName");
            if (application.equals(module)) {
                mechanism.veto();
                LOG.info(() -> "standalone WAR '" + module + "': no pass-through authentication mechanism");
            }
        } catch (NamingException | RuntimeException unknown) {
            // the usual case inside an EAR on Payara Server: java:module is not bound yet during CDI start
            LOG.fine(() -> "keeping the pass-through authentication mechanism: " + unknown.getClass().getSimpleName());
        }
    }
}
