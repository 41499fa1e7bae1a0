package com.trackdesk.mcp.search.control;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * One unit-length vector per operation of a catalog (by ordinal), and the nearest ones to a request's
 * vector. A plain scan: a few thousand operations times 384 numbers take well under a millisecond.
 */
public final class OperationVectors {

    public record Nearest(int ordinal, float similarity) {
    }

    private final float[][] vectors;

    public OperationVectors(float[][] vectors) {
        this.vectors = vectors;
    }

    public int size() {
        return vectors.length;
    }

    float[][] vectors() {
        return vectors;
    }

    /** @return up to {@code limit} operations allowed by the filter, most similar first */
    public List<Nearest> nearest(float[] query, IntPredicate allowed, int limit) {
        var best = new PriorityQueue<Nearest>((a, b) -> Float.compare(a.similarity(), b.similarity()));
        for (int ordinal = 0; ordinal < vectors.length; ordinal++) {
            if (!allowed.test(ordinal)) {
                continue;
            }
            float similarity = dot(query, vectors[ordinal]);
            if (best.size() < limit) {
                best.add(new Nearest(ordinal, similarity));
            } else if (similarity > best.peek().similarity()) {
                best.poll();
                best.add(new Nearest(ordinal, similarity));
            }
        }
        var sorted = new ArrayList<>(best);
        sorted.sort((a, b) -> Float.compare(b.similarity(), a.similarity()));
        return sorted;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
