package com.trackdesk.mcp.bench;

import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.search.control.SearchIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.util.concurrent.TimeUnit;

/**
 * What a (re)load of GitHub's spec costs end to end: read the gzipped 13 MB document, parse it with
 * swagger-parser, flatten 1,223 operations and build the search index. Single shot, as it happens
 * at startup and on reload.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogBuildBenchmark {

    @Benchmark
    public SearchIndex loadAndIndexGithub() {
        return SearchIndex.of(new SpecLoader().load(BenchFixtures.spec("github-api.github.com.json.gz")));
    }
}
