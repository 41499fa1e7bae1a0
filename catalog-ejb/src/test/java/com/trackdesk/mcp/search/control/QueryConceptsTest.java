package com.trackdesk.mcp.search.control;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryConceptsTest {

    private final SearchAnalyzers analyzers = new SearchAnalyzers(Stopwords.bundled(), DomainSynonyms.bundled());

    @Test
    void eachTypedWordIsAConceptCarryingItsSynonyms() {
        var concepts = QueryConcepts.of("delete partner", analyzers);

        assertThat(concepts).hasSize(2);
        assertThat(texts(concepts.get(1))).contains("partner", "affiliate");
        assertThat(weight(concepts.get(1), "partner")).isEqualTo(1f);
        assertThat(weight(concepts.get(1), "affiliate")).isLessThan(1f);
    }

    @Test
    void aMultiWordSynonymStaysWithTheWordItStandsFor() {
        var concepts = QueryConcepts.of("rename advertiser", analyzers);

        assertThat(concepts).hasSize(2);
        assertThat(texts(concepts.get(1))).contains("revenue", "origin", "merchant");
    }

    @Test
    void fillerWordsAreDroppedButPhrasesMadeOfThemStillMap() {
        var concepts = QueryConcepts.of("how many conversions did we get last week", analyzers);

        assertThat(concepts).extracting(QueryConceptsTest::texts)
                .anySatisfy(terms -> assertThat(terms).contains("report"))
                .anySatisfy(terms -> assertThat(terms).contains("conversion"))
                .noneSatisfy(terms -> assertThat(terms).containsAnyOf("how", "many", "last", "week", "we"));
    }

    @Test
    void identifiersAreSplitIntoWords() {
        assertThat(QueryConcepts.of("ListAffiliates sub_id", analyzers)).extracting(QueryConceptsTest::texts)
                .anySatisfy(terms -> assertThat(terms).contains("list"))
                .anySatisfy(terms -> assertThat(terms).contains("affiliate"))
                .anySatisfy(terms -> assertThat(terms).contains("sub"));
    }

    @Test
    void onlyTheFirstActionOfARequestBringsActionSynonyms() {
        var concepts = QueryConcepts.of("update the email stored on a client record", analyzers);

        assertThat(texts(concepts.get(0))).contains("update");
        assertThat(concepts.subList(1, concepts.size())).extracting(QueryConceptsTest::texts)
                .noneSatisfy(terms -> assertThat(terms).contains("create"));
    }

    @Test
    void aQuestionWordDoesNotTakeTheActionAwayFromTheVerb() {
        var concepts = QueryConcepts.of("which tag should I remove", analyzers);

        assertThat(concepts).extracting(QueryConceptsTest::texts)
                .anySatisfy(terms -> assertThat(terms).contains("remove", "delete"));
    }

    @Test
    void aReplacingSynonymRemovesThePhrase() {
        var custom = new SearchAnalyzers(List.of(), DomainSynonyms.parse(new StringReader("stop sending => delete"), "test"));

        assertThat(QueryConcepts.of("stop sending mails", custom)).extracting(QueryConceptsTest::texts)
                .containsExactly(List.of("delete"), List.of("mail"));
    }

    private static List<String> texts(QueryConcepts.Concept concept) {
        return concept.terms().stream().map(QueryConcepts.Term::text).toList();
    }

    private static float weight(QueryConcepts.Concept concept, String text) {
        return concept.terms().stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow().weight();
    }
}
