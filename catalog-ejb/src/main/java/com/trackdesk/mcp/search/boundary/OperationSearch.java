package com.trackdesk.mcp.search.boundary;

import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.catalog.entity.CatalogLoaded;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import com.trackdesk.mcp.search.control.DomainSynonyms;
import com.trackdesk.mcp.search.control.SearchIndex;
import com.trackdesk.mcp.search.entity.SearchQuery;
import com.trackdesk.mcp.search.entity.SearchResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Finds operations of the current catalog for a request in words. The index is rebuilt when a new
 * catalog is loaded; a search always runs against one index built for one catalog.
 */
@ApplicationScoped
public class OperationSearch {

    public static final String SYNONYMS_KEY = "MCP_SEARCH_SYNONYMS";

    private static final Logger LOG = Logger.getLogger(OperationSearch.class.getName());

    @Inject
    Catalog catalog;

    @Inject
    Config config;

    private final AtomicReference<SearchIndex> index = new AtomicReference<>();
    private volatile SynonymMap synonyms;

    /**
     * @return hits best first; {@code exactMatch} when the text is an operationId or "METHOD /path"
     * @throws IllegalArgumentException for empty or blank text
     */
    public SearchResult search(SearchQuery query) {
        return indexFor(catalog.snapshot()).search(query);
    }

    void onCatalogLoaded(@Observes CatalogLoaded event) {
        indexFor(event.catalog());
    }

    private SearchIndex indexFor(OperationCatalog wanted) {
        var built = index.get();
        if (built != null && built.catalog() == wanted) {
            return built;
        }
        return rebuild(wanted);
    }

    private synchronized SearchIndex rebuild(OperationCatalog wanted) {
        var built = index.get();
        if (built != null && built.catalog() == wanted) {
            return built;
        }
        long started = System.nanoTime();
        var fresh = SearchIndex.of(wanted, synonyms());
        index.set(fresh);
        LOG.info(() -> "Indexed " + wanted.operations().size() + " operations for search in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return fresh;
    }

    private SynonymMap synonyms() {
        if (synonyms == null) {
            var file = config == null ? java.util.Optional.<String>empty()
                    : config.getOptionalValue(SYNONYMS_KEY, String.class).filter(value -> !value.isBlank());
            synonyms = file.map(f -> {
                LOG.info(() -> "Search synonyms from " + f + " (replacing the bundled Trackdesk defaults)");
                return DomainSynonyms.fromFile(Path.of(f.strip()));
            }).orElseGet(DomainSynonyms::bundled);
        }
        return synonyms;
    }
}
