package com.trackdesk.mcp.metrics.control;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Hands the WAR's metrics connection pool to {@link MetricsDatabase}: each WAR's {@code web.xml} declares this
 * listener next to the {@code data-source} it defines. The pool has a module name, which resolves only in the WAR's
 * own context, and the recorder's scheduler thread may carry another module's (in the EAR the catalog's EJB module
 * is the first to use the recorder), so the pool is looked up here, while the WAR starts, and kept.
 * <p>
 * Kept in a static field rather than injected: in a WAR on Payara Micro the metrics classes are that WAR's own; in the
 * EAR they are in {@code lib/}, one copy for both WARs, and the last WAR to start hands over its pool (both pools
 * reach the same database with the same settings). CDI was no way to hand it over: with a copy of these classes in
 * each WAR of the EAR, Payara Server injected a listener through the other WAR's bean manager ("WELD-001408:
 * Unsatisfied dependencies for type MetricsDatabase").
 */
public class WarConnectionPool implements ServletContextListener {

    /** The pool's name unless the {@code web.xml} context parameter {@value #NAME_PARAMETER} names another. */
    public static final String DEFAULT_NAME = "java:module/jdbc/trackdesk-metrics";
    public static final String NAME_PARAMETER = "com.trackdesk.mcp.metrics.connection-pool";

    private static final Logger LOG = Logger.getLogger(WarConnectionPool.class.getName());
    private static volatile DataSource pool;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String name = Optional.ofNullable(event.getServletContext().getInitParameter(NAME_PARAMETER)).orElse(DEFAULT_NAME);
        try {
            pool = InitialContext.doLookup(name);
            LOG.info("metrics connection pool " + name + " handed over (" + event.getServletContext().getContextPath()
                    + ")");
        } catch (NamingException e) {
            LOG.warning("no metrics connection pool at " + name + " (" + e + "); metrics are neither written nor"
                    + " read. The WAR's web.xml defines it.");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        LOG.info("metrics connection pool withdrawn (" + event.getServletContext().getContextPath() + ")");
        pool = null;
    }

    /** Empty until the WAR has started, and in a WAR that defines no pool. */
    static Optional<DataSource> current() {
        return Optional.ofNullable(pool);
    }
}
