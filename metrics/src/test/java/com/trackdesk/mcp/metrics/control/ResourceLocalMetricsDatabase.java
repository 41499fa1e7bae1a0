package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The metrics database outside a container, for tests: the production {@link MetricsDatabase} (migration, pause
 * after a failure, its state for the console, reads) with the two things the container provides in its place:
 * the persistence unit, here a RESOURCE_LOCAL copy ({@code META-INF/metrics-test-persistence.xml}) on the same
 * database with EclipseLink's own connection pool, and transactions, here begun and committed by hand the way the
 * container does around an {@code @Transactional} method. Like the container's validating pool, it drops its
 * connections after a failure.
 */
public class ResourceLocalMetricsDatabase extends MetricsDatabase {

    static final String TEST_UNIT = "trackdesk-metrics-test";
    static final String TEST_PERSISTENCE_XML = "META-INF/metrics-test-persistence.xml";

    private final MetricsOptions options;
    private final DataSource dataSource;

    public ResourceLocalMetricsDatabase(MetricsOptions options) {
        this(options, Clock.systemUTC());
    }

    public ResourceLocalMetricsDatabase(MetricsOptions options, Clock clock) {
        super(clock);
        this.options = options;
        this.dataSource = new ConfiguredDataSource(options);
    }

    @Override
    protected Optional<DataSource> dataSource() {
        return Optional.of(dataSource);
    }

    @Override
    protected EntityManagerFactory createFactory(DataSource connections) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.persistencexml", TEST_PERSISTENCE_XML);
        properties.put("jakarta.persistence.jdbc.url", options.databaseUrl());
        properties.put("jakarta.persistence.jdbc.user", options.databaseUser());
        properties.put("jakarta.persistence.jdbc.password", options.databasePassword());
        DatabaseDriver.classFor(options.databaseUrl())
                .ifPresent(driver -> properties.put("jakarta.persistence.jdbc.driver", driver));
        return Persistence.createEntityManagerFactory(TEST_UNIT, properties);
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            em.flush();
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    @Override
    public synchronized void markFailed(Exception failure) {
        super.markFailed(failure);
        close();
    }
}
