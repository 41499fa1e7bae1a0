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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.trackdesk.mcp.search.control.SemanticRanking;
import com.trackdesk.mcp.search.control.SentenceEmbeddings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Finds operations of the current catalog for a request in words. The index is rebuilt when a new
 * catalog is loaded; a search always runs against one index built for one catalog.
 */
@ApplicationScoped
public class OperationSearch {

    public static final String SYNONYMS_KEY = "MCP_SEARCH_SYNONYMS";
    /** "off" ranks by words only; "on" (the default) adds ranking by meaning. */
    public static final String SEMANTIC_KEY = "MCP_SEARCH_SEMANTIC";
    /** Where operation vectors are cached between starts and the tokenizer's native library is unpacked. */
    public static final String CACHE_DIR_KEY = "MCP_SEARCH_CACHE_DIR";
    static final String DATA_DIR_KEY = "MCP_DATA_DIR";

    private static final Logger LOG = Logger.getLogger(OperationSearch.class.getName());

    @Inject
    Catalog catalog;

    /** A synonyms file replacing the bundled Trackdesk defaults. */
    @Inject
    @ConfigProperty(name = SYNONYMS_KEY)
    Optional<String> synonymsFile = Optional.empty();

    @Inject
    @ConfigProperty(name = SEMANTIC_KEY, defaultValue = "on")
    String semantic = "on";

    @Inject
    @ConfigProperty(name = CACHE_DIR_KEY)
    Optional<String> cacheDir = Optional.empty();

    @Inject
    @ConfigProperty(name = DATA_DIR_KEY, defaultValue = "data")
    String dataDir = "data";

    /** Computes the vectors of large catalogs without holding up deployment or searches. */
    @Resource
    ManagedExecutorService background;

    private final AtomicReference<SearchIndex> index = new AtomicReference<>();
    private volatile SynonymMap synonyms;
    /** Loaded once, in the background: deployment and the first searches do not wait for it. */
    private CompletableFuture<Optional<SentenceEmbeddings>> model;

    /**
     * Created with the first catalog, at deployment: a wrong switch stops the deployment instead of a search. Logged
     * here too: the server reports the failed deployment by the container's wrapper exception, without our words.
     */
    @PostConstruct
    void checkSettings() {
        try {
            rankByMeaning(semantic);
        } catch (IllegalArgumentException wrong) {
            LOG.severe(() -> "Invalid configuration, the application does not start: " + wrong.getMessage());
            throw wrong;
        }
    }

    /** @throws IllegalArgumentException naming the setting, for anything but on or off */
    static boolean rankByMeaning(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(SEMANTIC_KEY + " must be on or off, was '" + value + "'");
        };
    }

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
        var semantic = model().map(m -> SemanticRanking.of(wanted, m, cacheDir(), executor()));
        var fresh = SearchIndex.of(wanted, synonyms(), semantic);
        index.set(fresh);
        LOG.info(() -> "Indexed " + wanted.operations().size() + " operations for search in "
                + (System.nanoTime() - started) / 1_000_000 + " ms"
                + semantic.map(s -> s.ready() ? " (ranking by words and meaning)"
                        : " (ranking by words; by meaning too once the operation vectors are computed)")
                        .orElse(" (ranking by words only)"));
        return fresh;
    }

    /** The index serving now; for readiness reporting and tests. */
    public Optional<SearchIndex> current() {
        return Optional.ofNullable(index.get());
    }

    /** @return nothing when switched off; else the model, possibly still loading (empty inside if it cannot load) */
    private Optional<CompletableFuture<Optional<SentenceEmbeddings>>> model() {
        if (model == null) {
            if (!rankByMeaning(semantic)) {
                LOG.info(() -> "Semantic search is off (" + SEMANTIC_KEY + "=off): ranking by words only");
                model = CompletableFuture.completedFuture(Optional.empty());
                return Optional.empty();
            }
            var nativeDir = cacheDir().resolve("native");
            model = CompletableFuture.supplyAsync(() -> SentenceEmbeddings.load(nativeDir), executor());
        }
        return model.isDone() && model.join().isEmpty() ? Optional.empty() : Optional.of(model);
    }

    private Path cacheDir() {
        return cacheDir.filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir.strip()))
                .orElseGet(() -> Path.of(dataDir.isBlank() ? "data" : dataDir.strip(), "search"))
                .toAbsolutePath();
    }

    private Executor executor() {
        if (background != null) {
            return background;
        }
        // Outside a container (tests, tools): one plain background thread per computation.
        return task -> {
            var thread = new Thread(task, "search-vectors");
            thread.setDaemon(true);
            thread.start();
        };
    }

    private SynonymMap synonyms() {
        if (synonyms == null) {
            var file = synonymsFile.filter(value -> !value.isBlank());
            synonyms = file.map(f -> {
                LOG.info(() -> "Search synonyms from " + f + " (replacing the bundled Trackdesk defaults)");
                return DomainSynonyms.fromFile(Path.of(f.strip()));
            }).orElseGet(DomainSynonyms::bundled);
        }
        return synonyms;
    }
}
