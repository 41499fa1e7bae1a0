package com.trackdesk.mcp.search.control;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps only the first occurrence of each term. Identifiers repeat their resource
 * ({@code GetPayoutsPayout}, {@code /payouts/{payout}}); counting the repeats would rank an operation
 * on a sub-resource above the resource's own one. (Lucene's RemoveDuplicatesTokenFilter only removes
 * repeats at the same position.)
 */
final class DistinctTermsFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final CharArraySet seen = new CharArraySet(16, false);

    DistinctTermsFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        if (seen.contains(term.buffer(), 0, term.length())) {
            return false;
        }
        seen.add(term.toString());
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        seen.clear();
    }
}
