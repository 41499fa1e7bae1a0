package com.trackdesk.mcp.bench;

import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.search.control.SearchIndex;
import com.trackdesk.mcp.search.entity.SearchQuery;
import com.trackdesk.mcp.search.entity.SearchResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one search call ({@code limit 5}) as the MCP search tool makes it, cycling through
 * realistic queries: the shared public Trackdesk queries and this project's GitHub queries.
 * Sample mode, so the report shows p50/p90/p99 per call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchLatencyBenchmark {

    @State(Scope.Benchmark)
    public static class Trackdesk {
        SearchIndex index;
        List<String> queries;
        int next;

        @Setup(Level.Trial)
        public void build() {
            index = SearchIndex.of(new SpecLoader().load(BenchFixtures.spec("trackdesk.json")));
            queries = BenchFixtures.queryTexts(BenchFixtures.publicQueries());
        }

        String nextQuery() {
            next = (next + 1) % queries.size();
            return queries.get(next);
        }
    }

    @State(Scope.Benchmark)
    public static class Github {
        SearchIndex index;
        List<String> queries;
        int next;

        @Setup(Level.Trial)
        public void build() {
            index = SearchIndex.of(new SpecLoader().load(BenchFixtures.spec("github-api.github.com.json.gz")));
            queries = BenchFixtures.queryTexts(BenchFixtures.benchQueries("queries-github.json"));
        }

        String nextQuery() {
            next = (next + 1) % queries.size();
            return queries.get(next);
        }
    }

    @Benchmark
    public SearchResult searchTrackdesk(Trackdesk state) {
        return state.index.search(SearchQuery.of(state.nextQuery(), 5));
    }

    @Benchmark
    public SearchResult searchGithub(Github state) {
        return state.index.search(SearchQuery.of(state.nextQuery(), 5));
    }
}
