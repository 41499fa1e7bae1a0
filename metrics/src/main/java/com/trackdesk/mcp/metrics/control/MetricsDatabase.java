package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.RedactedLocation;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The metrics database: migrates it, opens the persistence unit on it and runs work in transactions.
 * The unit is bootstrapped here rather than by the container so that the same settings work in both
 * WARs and in tests, and so that a database that is down can be given up on and opened again later
 * (at most every few seconds) without the application noticing more than lost metrics.
 */
@ApplicationScoped
public class MetricsDatabase {

    static final String UNIT = "trackdesk-metrics";
    static final String PERSISTENCE_XML = "META-INF/metrics-persistence.xml";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(MetricsDatabase.class.getName());

    private MetricsOptions options;
    private Clock clock;
    private volatile EntityManagerFactory factory;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile String lastFailure = "";

    protected MetricsDatabase() {
        // for the CDI proxy
    }

    @Inject
    public MetricsDatabase(MetricsOptions options) {
        this(options, Clock.systemUTC());
    }

    public MetricsDatabase(MetricsOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** Opens the database unless it is open; false while it cannot be reached. Never throws. */
    public synchronized boolean open() {
        if (factory != null) {
            return true;
        }
        if (clock.instant().isBefore(nextAttempt)) {
            return false;
        }
        try {
            new SchemaMigration(options).migrate();
            EntityManagerFactory created = Persistence.createEntityManagerFactory(UNIT, unitProperties());
            try {
                // EclipseLink logs in lazily; do it now so that a failure shows here and not mid-write
                created.createEntityManager().close();
            } catch (RuntimeException e) {
                created.close();
                throw e;
            }
            factory = created;
            lastFailure = "";
            LOG.info("metrics database open: " + RedactedLocation.of(options.databaseUrl()));
            return true;
        } catch (RuntimeException e) {
            markFailed(e);
            return false;
        }
    }

    public boolean isOpen() {
        return factory != null;
    }

    /** Why the database last failed, empty while it works. For the console; never holds call data. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Runs work in one transaction, rolled back if it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    /** Runs queries outside a transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = entityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * Gives the open factory up after a failure that suggests the database is gone; the next {@link #open()}
     * after a short pause starts afresh.
     */
    public synchronized void markFailed(RuntimeException failure) {
        lastFailure = describe(failure);
        nextAttempt = clock.instant().plus(RETRY_AFTER);
        LOG.log(Level.WARNING, "metrics database unavailable: " + lastFailure);
        closeFactory();
    }

    @PreDestroy
    public synchronized void close() {
        closeFactory();
    }

    private EntityManager entityManager() {
        if (!open()) {
            throw new MetricsDatabaseUnavailable("metrics database unavailable: " + lastFailure);
        }
        return factory.createEntityManager();
    }

    private void closeFactory() {
        EntityManagerFactory current = factory;
        factory = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing the metrics persistence unit failed", e);
            }
        }
    }

    private Map<String, Object> unitProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.persistencexml", PERSISTENCE_XML);
        properties.put("jakarta.persistence.jdbc.url", options.databaseUrl());
        properties.put("jakarta.persistence.jdbc.user", options.databaseUser());
        properties.put("jakarta.persistence.jdbc.password", options.databasePassword());
        DatabaseDriver.classFor(options.databaseUrl()).ifPresent(driver -> properties.put("jakarta.persistence.jdbc.driver", driver));
        properties.put("eclipselink.classloader", MetricsDatabase.class.getClassLoader());
        return properties;
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
