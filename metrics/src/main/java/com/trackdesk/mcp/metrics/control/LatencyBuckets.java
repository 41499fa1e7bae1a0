package com.trackdesk.mcp.metrics.control;

import java.util.Map;
import java.util.SortedMap;

/**
 * Log-scale latency buckets: four per doubling, so a percentile read from bucket counts is within
 * about 9 % of the true value, whatever the scale (100 µs or 30 s). Counting buckets instead of keeping
 * raw latencies is what lets percentiles over millions of calls come from a few sums.
 */
public final class LatencyBuckets {

    private static final int PER_DOUBLING = 4;

    private LatencyBuckets() {
    }

    /** The bucket of a latency; bucket b holds [2^(b/4), 2^((b+1)/4)) microseconds, bucket 0 also 0 µs. */
    public static int bucketOf(long latencyMicros) {
        if (latencyMicros <= 1) {
            return 0;
        }
        int bucket = (int) Math.floor(PER_DOUBLING * (Math.log(latencyMicros) / Math.log(2)));
        // floating point may land one bucket off right at a boundary
        if (lowerBound(bucket) > latencyMicros) {
            return bucket - 1;
        }
        return lowerBound(bucket + 1) <= latencyMicros ? bucket + 1 : bucket;
    }

    /** The value reported for calls in a bucket: its geometric middle. */
    public static long representativeMicros(int bucket) {
        return Math.round(Math.pow(2, (bucket + 0.5) / PER_DOUBLING));
    }

    /**
     * The p-th percentile (0 &lt; p ≤ 1) of a histogram of call counts per bucket: the representative value of
     * the first bucket at which the running count reaches p of all calls; 0 for no calls.
     */
    public static long percentile(SortedMap<Integer, Long> callsPerBucket, double p) {
        long total = callsPerBucket.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : callsPerBucket.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return representativeMicros(bucket.getKey());
            }
        }
        return representativeMicros(callsPerBucket.lastKey());
    }

    private static long lowerBound(int bucket) {
        return (long) Math.ceil(Math.pow(2, (double) bucket / PER_DOUBLING));
    }
}
