package com.trackdesk.mcp.search.evaluation;

import com.trackdesk.mcp.search.control.SearchIndex;
import com.trackdesk.mcp.search.entity.SearchHit;
import com.trackdesk.mcp.search.entity.SearchQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a query set through a real index the way the MCP search tool does ({@code limit: 5}) and
 * measures recall@1, recall@5, MRR and per-search latency.
 */
public final class Evaluation {

    static final int LIMIT = 5;
    static final int WARM_UP_PASSES = 5;

    /** @param viaVariant the correct operation was a variant folded into the hit at {@code rank} */
    public record Outcome(QuerySet.Query query, List<String> returned, int rank, boolean viaVariant) {
        boolean hitAt(int k) {
            return rank > 0 && rank <= k;
        }
    }

    public record Report(String name, List<Outcome> outcomes, double medianMillis, double p95Millis) {

        public double recallAt(int k) {
            return outcomes.stream().filter(o -> o.hitAt(k)).count() / (double) outcomes.size();
        }

        public double mrr() {
            return outcomes.stream().mapToDouble(o -> o.rank() == 0 ? 0 : 1.0 / o.rank()).average().orElse(0);
        }

        public String summary() {
            return String.format(Locale.ROOT, "%-34s n=%3d  recall@1=%.3f  recall@5=%.3f  MRR=%.3f  latency median=%.2f ms p95=%.2f ms  (found as a variant: %d)",
                    name, outcomes.size(), recallAt(1), recallAt(LIMIT), mrr(), medianMillis, p95Millis,
                    outcomes.stream().filter(Outcome::viaVariant).count());
        }

        public String misses() {
            var text = new StringBuilder();
            outcomes.stream().filter(o -> !o.hitAt(1)).forEach(o -> text.append(String.format(Locale.ROOT,
                    "  %-8s rank %s  %-60s expected %s got %s%n", o.query().id(), o.rank() == 0 ? "-" : o.rank(),
                    o.query().query(), o.query().expected(), o.returned())));
            return text.toString();
        }
    }

    private Evaluation() {
    }

    /** One pass without warm-up: for comparing ranking settings, not for latency. */
    public static Report runQuiet(String name, SearchIndex index, QuerySet set) {
        return measure(name, index, set);
    }

    public static Report run(String name, SearchIndex index, QuerySet set) {
        // Untimed passes warm the JIT and Lucene's caches, as in a server that has been running a while.
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            set.queries().forEach(q -> index.search(SearchQuery.of(q.query(), LIMIT)));
        }
        return measure(name, index, set);
    }

    private static Report measure(String name, SearchIndex index, QuerySet set) {
        var outcomes = new ArrayList<Outcome>();
        var nanos = new long[set.queries().size()];
        for (int i = 0; i < set.queries().size(); i++) {
            var query = set.queries().get(i);
            long started = System.nanoTime();
            var result = index.search(SearchQuery.of(query.query(), LIMIT));
            nanos[i] = System.nanoTime() - started;
            var returned = result.hits().stream().map(SearchHit::operation).map(o -> o.operationId()).toList();
            int rank = 0;
            boolean viaVariant = false;
            for (int r = 0; r < result.hits().size() && rank == 0; r++) {
                var hit = result.hits().get(r);
                // A variant is shown inside its hit: the assistant sees it at that rank.
                if (query.expected().contains(hit.operation().operationId())
                        || hit.variants().stream().anyMatch(query.expected()::contains)) {
                    rank = r + 1;
                    viaVariant = !query.expected().contains(hit.operation().operationId());
                }
            }
            outcomes.add(new Outcome(query, returned, rank, viaVariant));
        }
        Arrays.sort(nanos);
        return new Report(name, outcomes, percentile(nanos, 0.50), percentile(nanos, 0.95));
    }

    private static double percentile(long[] sortedNanos, double p) {
        int i = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }
}
