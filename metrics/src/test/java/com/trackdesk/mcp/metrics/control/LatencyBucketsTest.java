package com.trackdesk.mcp.metrics.control;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyBucketsTest {

    @Test
    void everyLatencyLiesInsideItsBucketAndItsRepresentativeIsWithinNinePercent() {
        for (long micros = 1; micros < 120_000_000L; micros = micros * 11 / 10 + 1) {
            int bucket = LatencyBuckets.bucketOf(micros);
            double representative = LatencyBuckets.representativeMicros(bucket);
            assertThat(Math.pow(2, bucket / 4.0)).as("lower bound of %d", micros).isLessThanOrEqualTo(micros + 1e-9);
            assertThat(Math.pow(2, (bucket + 1) / 4.0)).as("upper bound of %d", micros).isGreaterThan(micros);
            if (micros > 10) {
                assertThat(Math.abs(representative - micros) / micros).as("error at %d µs", micros).isLessThan(0.095);
            }
        }
    }

    @Test
    void zeroAndOneMicrosecondShareTheFirstBucket() {
        assertThat(LatencyBuckets.bucketOf(0)).isZero();
        assertThat(LatencyBuckets.bucketOf(1)).isZero();
        assertThat(LatencyBuckets.bucketOf(2)).isEqualTo(4);
    }

    @Test
    void percentilesWalkTheBucketsInOrder() {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        histogram.put(LatencyBuckets.bucketOf(1_000), 90L);
        histogram.put(LatencyBuckets.bucketOf(100_000), 10L);

        assertThat(LatencyBuckets.percentile(histogram, 0.50)).isBetween(900L, 1_100L);
        assertThat(LatencyBuckets.percentile(histogram, 0.90)).isBetween(900L, 1_100L);
        assertThat(LatencyBuckets.percentile(histogram, 0.95)).isBetween(90_000L, 110_000L);
        assertThat(LatencyBuckets.percentile(new TreeMap<>(), 0.5)).isZero();
    }
}
