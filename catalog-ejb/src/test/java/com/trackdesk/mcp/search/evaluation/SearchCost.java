package com.trackdesk.mcp.search.evaluation;

import com.trackdesk.mcp.TestFixtures;
import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import com.trackdesk.mcp.search.control.DomainSynonyms;
import com.trackdesk.mcp.search.control.SearchIndex;
import com.trackdesk.mcp.search.control.SemanticRanking;
import com.trackdesk.mcp.search.control.SentenceEmbeddings;
import com.trackdesk.mcp.search.entity.SearchQuery;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What search costs in process, for the targets of issue 14: how long the bundled catalog takes to be ready with
 * meaning included, how long GitHub's operation vectors take to compute and to read back from the cache, and what
 * one search costs on GitHub — wall time and the calling thread's CPU time, which a busy machine distorts less.
 * A measurement, not a test; run from the project root:
 * {@code mvn -B -o -q -pl catalog-ejb test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.trackdesk.mcp.search.evaluation.SearchCost}
 */
public final class SearchCost {

    private static final int ROUNDS = 10;

    private SearchCost() {
    }

    public static void main(String[] args) throws Exception {
        var cacheDir = Files.createTempDirectory("search-cost");
        var threads = ManagementFactory.getThreadMXBean();
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());

        var model = timed("model loaded", () -> SentenceEmbeddings.load(cacheDir.resolve("djl")).orElseThrow());
        var loader = new SpecLoader();

        var trackdesk = timed("bundled Trackdesk spec read", () -> loader.load("classpath:trackdesk-openapi.json"));
        timed("bundled Trackdesk index + vectors computed (ready)", () -> index(trackdesk, model, cacheDir));
        timed("bundled Trackdesk index + vectors from cache (ready)", () -> index(trackdesk, model, cacheDir));

        var github = timed("GitHub spec read", () -> loader.load(TestFixtures.spec("github-api.github.com.json.gz").toString()));
        timed("GitHub word index", () -> SearchIndex.of(github));
        timed("GitHub vectors computed (" + github.operations().size() + " operations)",
                () -> SemanticRanking.of(github, model, cacheDir, Runnable::run));
        timed("GitHub vectors from cache", () -> SemanticRanking.of(github, model, cacheDir, Runnable::run));

        var index = index(github, model, cacheDir);
        var queries = QuerySet.read(benchQueries().resolve("queries-github.json")).queries();
        var wall = new ArrayList<Double>();
        var cpu = new ArrayList<Double>();
        for (int round = 0; round < ROUNDS; round++) {
            for (var query : queries) {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long before = System.nanoTime();
                index.search(SearchQuery.of(query.query(), 5));
                if (round > 1) {
                    wall.add((System.nanoTime() - before) / 1e6);
                    cpu.add((threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6);
                }
            }
        }
        System.out.printf("GitHub search, %d calls after 2 warm-up rounds: wall p50 %.2f ms p95 %.2f ms; CPU p50 %.2f ms p95 %.2f ms%n",
                wall.size(), percentile(wall, 50), percentile(wall, 95), percentile(cpu, 50), percentile(cpu, 95));
        System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** From the project root (exec:java) or from the module (an IDE). */
    private static Path benchQueries() {
        var fromRoot = Path.of("bench", "search-eval");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("..", "bench", "search-eval");
    }

    private static SearchIndex index(OperationCatalog catalog, SentenceEmbeddings model, Path cacheDir) {
        return SearchIndex.of(catalog, DomainSynonyms.bundled(), Optional.of(SemanticRanking.of(catalog, model, cacheDir, Runnable::run)));
    }

    private static <T> T timed(String what, Supplier<T> work) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long before = System.nanoTime();
        var result = work.get();
        System.out.printf("%-60s %8.0f ms wall %8.0f ms CPU%n", what, (System.nanoTime() - before) / 1e6,
                (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6);
        return result;
    }

    private static double percentile(List<Double> values, int percent) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
