package com.trackdesk.mcp.metrics.control;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the metrics schema up to date with Flyway, through the WAR's metrics connection pool, before the first use
 * of the database ({@link MetricsDatabase#open()}): the metrics module is the schema's one owner, and whichever WAR
 * uses the database first migrates it; the other finds nothing left to do. On PostgreSQL Flyway's advisory lock
 * keeps concurrent migrations (of both WARs, of several instances) apart. H2 cannot roll back
 * DDL, and two migrations racing there leave a failed migration behind that blocks every later start;
 * an embedded H2 database is only ever open in one JVM, so migrations are serialized JVM-wide. A start
 * that still fails (the database was busy) is simply tried again, which then finds nothing left to do.
 */
public final class SchemaMigration {

    static final String LOCATION = "classpath:db/migration/metrics";
    // own history table, so another Flyway user of a shared PostgreSQL schema is never confused with us
    static final String HISTORY_TABLE = "metrics_schema_history";
    private static final int ATTEMPTS = 5;
    /*
     * The two WARs load this class in different class loaders, so a static lock object would not be shared.
     * A string literal is interned once for the whole JVM: the same object in both.
     */
    private static final String JVM_WIDE_LOCK = "com.trackdesk.mcp.metrics.control.SchemaMigration";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private final DataSource dataSource;

    public SchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .load();
        for (int attempt = 1; ; attempt++) {
            try {
                synchronized (JVM_WIDE_LOCK) {
                    flyway.migrate();
                }
                return;
            } catch (FlywayException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.info("metrics schema migration collided or failed (" + e.getMessage() + "); trying again");
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlywayException("interrupted while migrating the metrics schema", e);
        }
    }
}
