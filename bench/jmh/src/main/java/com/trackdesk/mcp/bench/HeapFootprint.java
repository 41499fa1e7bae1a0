package com.trackdesk.mcp.bench;

import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.search.control.SearchIndex;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap of a loaded catalog and of its search index, walked object by object with JOL
 * (JMH measures time, not size). Run: {@code java -cp target/benchmarks.jar com.trackdesk.mcp.bench.HeapFootprint}.
 */
public final class HeapFootprint {

    private HeapFootprint() {
    }

    public static void main(String[] args) {
        for (var file : args.length > 0 ? args : new String[] {"trackdesk.json", "github-api.github.com.json.gz"}) {
            var catalog = new SpecLoader().load(BenchFixtures.spec(file));
            var index = SearchIndex.of(catalog);
            long catalogBytes = GraphLayout.parseInstance(catalog).totalSize();
            long bothBytes = GraphLayout.parseInstance(catalog, index).totalSize();
            System.out.printf("%-32s %5d operations  catalog %6.1f MB  catalog+index %6.1f MB%n",
                    file, catalog.operations().size(), catalogBytes / 1e6, bothBytes / 1e6);
        }
    }
}
