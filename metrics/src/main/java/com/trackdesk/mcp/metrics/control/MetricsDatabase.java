package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.RedactedLocation;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The metrics database: the WAR's container-managed connection pool, a JTA persistence unit on it, and the
 * container's transactions ({@link Transactional}) around every write.
 * <p>
 * Each WAR defines the pool in its {@code web.xml}: a {@code data-source} of class {@link ConfiguredDataSource}
 * (which reads {@code MCP_DB_*}), validating every connection before use and dropping all of them once one has
 * failed, so that a database restart heals by itself; each WAR has its own pool to the same database and hands it
 * over while it starts ({@link WarConnectionPool}; in the EAR, where the metrics jar is in {@code lib/} once for both
 * WARs, the one that starts last). The two
 * pools have names of their own: in the EAR both WARs are one application, and Payara Server rejects one name
 * defined by two of its modules, whatever its scope ("DEP0002: Duplicate descriptor found for given jndi-name",
 * then "DEP0004: Deployment failed due to the conflict").
 * <p>
 * The persistence unit is created here, on the first use of the database ({@link #open()}), instead of being
 * deployed by the container: Payara logs a container-deployed unit in while it deploys the WAR ({@code JPADeployer}),
 * and EclipseLink's login needs a connection, so a database that is down at that moment would fail the deployment
 * ("EclipseLink-4002 ... Connection refused"), and with it the MCP endpoint. Created here, a database that is down
 * costs only metrics, and the unit is created once it is back.
 * <p>
 * What else stays here is what the container does not know about: the schema is migrated once before first use
 * ({@link SchemaMigration}), and after a failure the database is left alone for a few seconds, so that a database
 * that is down costs a failed attempt every few seconds rather than one per write and per console request, and the
 * console can say why ({@link #lastFailure()}).
 */
@ApplicationScoped
public class MetricsDatabase {

    static final String UNIT = "trackdesk-metrics";
    static final String PERSISTENCE_XML = "META-INF/metrics-persistence.xml";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(MetricsDatabase.class.getName());

    private final Clock clock;
    private volatile EntityManagerFactory factory;
    private volatile boolean migrated;
    private volatile boolean open;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile String lastFailure = "";

    public MetricsDatabase() {
        this(Clock.systemUTC());
    }

    protected MetricsDatabase(Clock clock) {
        this.clock = clock;
    }

    /**
     * Makes sure the database can be used: the schema migrated, the persistence unit created and a connection to
     * be had. False while it cannot be reached, and for a few seconds after a failure without trying. Never throws.
     */
    public synchronized boolean open() {
        if (open) {
            return true;
        }
        if (clock.instant().isBefore(nextAttempt)) {
            return false;
        }
        Optional<DataSource> pool = dataSource();
        if (pool.isEmpty()) {
            // the WAR has not started yet (the recorder may be used before): nothing failed, so no pause either
            lastFailure = "no metrics connection pool yet: the WAR's web.xml defines it (" + WarConnectionPool.DEFAULT_NAME
                    + " unless " + WarConnectionPool.NAME_PARAMETER + " names another), and it is handed over when the"
                    + " WAR has started";
            return false;
        }
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        // Payara's pool creates its data source object (ConfiguredDataSource, a class of this module) on first use
        // through the context class loader, and a scheduler thread may carry another module's that does not see it
        // (RAR5099 in the EAR)
        thread.setContextClassLoader(MetricsDatabase.class.getClassLoader());
        try {
            DataSource connections = pool.get();
            if (!migrated) {
                new SchemaMigration(connections).migrate();
                migrated = true;
            }
            if (factory == null) {
                EntityManagerFactory created = createFactory(connections);
                try {
                    // EclipseLink logs in lazily; do it now so that a failure shows here and not mid-write
                    created.createEntityManager().close();
                } catch (RuntimeException e) {
                    created.close();
                    throw e;
                }
                factory = created;
            }
            String location;
            try (Connection connection = connections.getConnection()) {
                location = RedactedLocation.of(connection.getMetaData().getURL());
            }
            open = true;
            lastFailure = "";
            LOG.info("metrics database open: " + location);
            return true;
        } catch (SQLException | RuntimeException e) {
            markFailed(e);
            return false;
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    public boolean isOpen() {
        return open;
    }

    /** Why the database last failed, empty while it works. For the console; never holds call data. */
    public String lastFailure() {
        return lastFailure;
    }

    /**
     * Runs work in one container transaction, rolled back if it throws; the entity manager joins it. The work is
     * flushed before the method returns, so that a conflict with another writer surfaces here as the database
     * reported it (and can be told apart from a database that is gone), not as a bare rollback at commit. Callers
     * {@link #open()} the database first: migrating it needs connections of its own, outside any transaction.
     */
    @Transactional
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManager();
        try {
            em.joinTransaction();
            T result = work.apply(em);
            em.flush();
            return result;
        } finally {
            em.close();
        }
    }

    /** Runs queries without a transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        if (!open()) {
            throw unavailable();
        }
        EntityManager em = entityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * The database failed: it is left alone for a short pause, after which {@link #open()} tries it again (on
     * connections the pool has validated anew).
     */
    public synchronized void markFailed(Exception failure) {
        open = false;
        lastFailure = describe(failure);
        nextAttempt = clock.instant().plus(RETRY_AFTER);
        LOG.log(Level.WARNING, "metrics database unavailable: " + lastFailure);
    }

    @PreDestroy
    public synchronized void close() {
        EntityManagerFactory current = factory;
        factory = null;
        open = false;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing the metrics persistence unit failed", e);
            }
        }
    }

    /** The WAR's connection pool, once the WAR has started; tests outside a container bring their own connections. */
    protected Optional<DataSource> dataSource() {
        return WarConnectionPool.current();
    }

    /** The JTA unit on the container's pool; tests outside a container create a RESOURCE_LOCAL one instead. */
    protected EntityManagerFactory createFactory(DataSource connections) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.persistencexml", PERSISTENCE_XML);
        properties.put("jakarta.persistence.jtaDataSource", connections);
        properties.put("eclipselink.classloader", MetricsDatabase.class.getClassLoader());
        return Persistence.createEntityManagerFactory(UNIT, properties);
    }

    /** A new entity manager of the unit; the caller closes it. */
    protected EntityManager entityManager() {
        EntityManagerFactory current = factory;
        if (!open || current == null) {
            throw unavailable();
        }
        return current.createEntityManager();
    }

    private MetricsDatabaseUnavailable unavailable() {
        return new MetricsDatabaseUnavailable("metrics database unavailable: " + lastFailure);
    }

    /** The root cause in one line: JDBC messages can run on with SQL and stack details. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
