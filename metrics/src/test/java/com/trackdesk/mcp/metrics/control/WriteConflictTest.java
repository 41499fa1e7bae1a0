package com.trackdesk.mcp.metrics.control;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed writes are run again at once (another instance wrote the same rows) and which are not. */
class WriteConflictTest {

    @Test
    void aDeadlockBetweenTwoInstancesIsRunAgain() {
        assertThat(MetricsWriter.isConflict(wrapped(new SQLException("ERROR: deadlock detected", "40P01")))).isTrue();
        assertThat(MetricsWriter.isConflict(wrapped(new SQLException("could not serialize access", "40001")))).isTrue();
    }

    @Test
    void aUniqueKeyRaceIsRunAgain() {
        assertThat(MetricsWriter.isConflict(wrapped(new SQLException("duplicate key value", "23505")))).isTrue();
    }

    @Test
    void aDatabaseThatIsGoneIsNotAConflict() {
        assertThat(MetricsWriter.isConflict(wrapped(new SQLException("Connection refused", "08001")))).isFalse();
        assertThat(MetricsWriter.isConflict(wrapped(new SQLException("This connection has been closed.", "08003")))).isFalse();
    }

    private static PersistenceException wrapped(SQLException cause) {
        return new PersistenceException("commit failed", new RuntimeException("EclipseLink", cause));
    }
}
