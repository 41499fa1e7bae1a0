package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.tenant.entity.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TenantCircuitBreakersTest {

    final Tenant failing = new Tenant("failing");
    final Tenant healthy = new Tenant("healthy");
    final TenantCircuitBreakers breakers = new TenantCircuitBreakers();
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @BeforeEach
    void configure() {
        breakers.failureThreshold = 3;
        breakers.openSeconds = 30;
        breakers.clock = new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now; }
        };
    }

    @Test
    void opensAfterConsecutiveFailuresForThatTenantOnly() {
        for (int i = 0; i < 3; i++) {
            assertThat(breakers.refusal(failing)).isEmpty();
            breakers.failed(failing);
        }
        assertThat(breakers.refusal(failing)).contains(Duration.ofSeconds(30));
        assertThat(breakers.refusal(healthy)).isEmpty();
    }

    @Test
    void aSuccessResetsTheCount() {
        breakers.failed(failing);
        breakers.failed(failing);
        breakers.succeeded(failing);
        breakers.failed(failing);
        assertThat(breakers.refusal(failing)).isEmpty();
    }

    @Test
    void afterTheOpenTimeOneTrialDecides() {
        for (int i = 0; i < 3; i++) {
            breakers.failed(failing);
        }
        now = now.plusSeconds(31);
        assertThat(breakers.refusal(failing)).as("trial call").isEmpty();
        assertThat(breakers.refusal(failing)).as("second caller while the trial runs").isPresent();
        breakers.failed(failing);
        assertThat(breakers.refusal(failing)).as("trial failed: open again").contains(Duration.ofSeconds(30));

        now = now.plusSeconds(31);
        assertThat(breakers.refusal(failing)).isEmpty();
        breakers.succeeded(failing);
        assertThat(breakers.refusal(failing)).as("trial succeeded: closed").isEmpty();
        assertThat(breakers.refusal(failing)).isEmpty();
    }

    @Test
    void aCallRefusedBeforeReachingTheApiGivesItsTrialBack() {
        for (int i = 0; i < 3; i++) {
            breakers.failed(failing);
        }
        now = now.plusSeconds(31);
        assertThat(breakers.refusal(failing)).as("trial call").isEmpty();
        breakers.notAttempted(failing);
        assertThat(breakers.refusal(failing)).as("the next caller gets the trial").isEmpty();
        breakers.succeeded(failing);
        assertThat(breakers.refusal(failing)).isEmpty();
    }

    @Test
    void manyPassingTenantsNeitherGrowTheBreakersWithoutBoundNorCloseAnOpenOne() {
        for (int i = 0; i < 3; i++) {
            breakers.failed(failing);
        }
        for (int i = 0; i < 3 * PerTenantState.MAX_TENANTS; i++) {
            Tenant passing = new Tenant("made-up-" + i);
            breakers.failed(passing);
            breakers.succeeded(passing);
        }
        assertThat(breakers.refusal(failing)).as("still open: an open breaker is never dropped")
                .contains(Duration.ofSeconds(30));
    }
}
