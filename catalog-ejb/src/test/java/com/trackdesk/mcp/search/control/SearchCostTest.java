package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.TestFixtures;
import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.search.entity.SearchQuery;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one lexical search costs, as bytes allocated by the searching thread (issue 17): a figure a busy machine does
 * not change, unlike time. Per-search work that belongs to index time (analysing each hit's text again, hashing
 * every query for a cache that never hits) shows up here as a multiple.
 */
class SearchCostTest {

    /** Varied requests, so no answer could come from a cache. */
    static final List<String> QUERIES = List.of("newest affiliates", "list tags", "approved conversions last week",
            "create a coupon", "payouts", "offers", "conversion report by country", "tiers", "delete a coupon code",
            "how many clicks did we get yesterday", "add a note to affiliate 123's account", "reject a conversion",
            "change the commission of an offer", "affiliates waiting for approval", "CouponsService_DeleteCoupon",
            "update affiliate email adress", "top partners by revenue this month", "postback url", "invoices", "ban");

    /**
     * Measured at 1.05 MB per search (2026-12-07, JDK 17), most of it Lucene's term look-ups in createWeight: a
     * block-tree terms enum with its buffers per synonym and field. Looking up only the words a field holds
     * ({@link IndexedTerms}) brought it to 0.54 MB, postings held as arrays ({@code DirectPostingsFormat}) to 0.21 MB,
     * and sibling keys, document ordinals and the request's analysed words worked out once instead of per hit to
     * 0.15-0.16 MB (less after a longer warm-up than this test's, as the JIT removes more allocations). Allocation does
     * not depend on the machine's load, so the bound can sit this close: about 20 % above today's figure.
     */
    static final long MAX_BYTES_PER_SEARCH = 190_000;

    @Test
    void aLexicalSearchAllocatesLessThanItsBound() {
        var index = SearchIndex.of(new SpecLoader().load(TestFixtures.spec("trackdesk.json")));
        searches(index, 1_000);

        long before = allocatedByThisThread();
        long cpuBefore = cpuOfThisThread();
        int searches = 1_000;
        searches(index, searches);
        long perSearch = (allocatedByThisThread() - before) / searches;
        long cpuPerSearch = (cpuOfThisThread() - cpuBefore) / searches;

        // CPU is printed for the record only: unlike allocation, it moves with the machine's load
        System.out.println("[SearchCostTest] bytes allocated per lexical search: " + perSearch
                + ", thread CPU per search: " + cpuPerSearch / 1000 + " µs");
        assertThat(perSearch).as("bytes allocated per search").isLessThan(MAX_BYTES_PER_SEARCH);
    }

    private static void searches(SearchIndex index, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(index.search(SearchQuery.of(QUERIES.get(i % QUERIES.size()), 5)).hits()).isNotEmpty();
        }
    }

    private static long cpuOfThisThread() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long allocatedByThisThread() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
