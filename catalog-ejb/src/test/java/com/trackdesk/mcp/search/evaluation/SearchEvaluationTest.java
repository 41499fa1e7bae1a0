package com.trackdesk.mcp.search.evaluation;

import com.trackdesk.mcp.SharedSpecs;
import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import com.trackdesk.mcp.search.control.SearchIndex;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #4's quality bar, measured on real query sets through the real index. Runs in every build;
 * alone: {@code mvn -B -pl catalog-ejb test -Dtest=SearchEvaluationTest}.
 */
@Tag("evaluation")
class SearchEvaluationTest {

    private static final SpecLoader LOADER = new SpecLoader();

    @Test
    void publicTrackdeskQueriesFindTheRightOperation() {
        var set = QuerySet.read(SharedSpecs.eval().resolve("queries-public.json"));
        var report = evaluate("trackdesk public", LOADER.load(set.specFile()), set);

        assertThat(report.recallAt(5)).as("recall@5").isGreaterThanOrEqualTo(0.95);
        assertThat(report.recallAt(1)).as("recall@1").isGreaterThanOrEqualTo(0.80);
    }

    /** Trackdesk's published spec words its summaries differently; structure and synonyms must carry. */
    @Test
    void publicTrackdeskQueriesStillWorkWithoutAnySummaryOrDescription() {
        var set = QuerySet.read(SharedSpecs.eval().resolve("queries-public.json"));
        var report = evaluate("trackdesk public, no prose", withoutProse(LOADER.load(set.specFile())), set);

        assertThat(report.recallAt(5)).as("recall@5").isGreaterThanOrEqualTo(0.95);
        assertThat(report.recallAt(1)).as("recall@1").isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void githubQueriesFindTheRightOperation() {
        var set = QuerySet.read(benchQueries("queries-github.json"));
        var report = evaluate("github", LOADER.load(set.specFile()), set);

        assertThat(report.recallAt(5)).as("recall@5").isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void stripeQueriesFindTheRightOperation() {
        var set = QuerySet.read(benchQueries("queries-stripe.json"));
        var report = evaluate("stripe", LOADER.load(set.specFile()), set);

        assertThat(report.recallAt(5)).as("recall@5").isGreaterThanOrEqualTo(0.80);
    }

    private static Evaluation.Report evaluate(String name, OperationCatalog catalog, QuerySet set) {
        var report = Evaluation.run(name, SearchIndex.of(catalog), set);
        System.out.println(report.summary());
        System.out.print(report.misses());
        return report;
    }

    static OperationCatalog withoutProse(OperationCatalog catalog) {
        var stripped = catalog.operations().stream().map(o -> new Operation(o.operationId(), o.method(), o.path(),
                "", "", o.tags(), o.parameters(), o.requestBody(), o.responseCodes(), o.readOnly())).toList();
        return new OperationCatalog(stripped, catalog.info(), catalog.fingerprint());
    }

    private static Path benchQueries(String file) {
        var configured = System.getProperty("bench.search-eval.dir");
        var dir = configured != null ? Path.of(configured) : Path.of("../bench/search-eval");
        var path = dir.resolve(file);
        assertThat(path).as("query set " + file).exists();
        return path;
    }
}
