package com.trackdesk.mcp.catalog.boundary;

import com.trackdesk.mcp.catalog.control.OperationIdSuggestions;
import com.trackdesk.mcp.catalog.control.SpecDocumentReader;
import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.catalog.control.SpecLocations;
import com.trackdesk.mcp.catalog.entity.CatalogInfo;
import com.trackdesk.mcp.catalog.entity.CatalogLoadException;
import com.trackdesk.mcp.catalog.entity.CatalogLoaded;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API description being served. Loaded at startup from MCP_SPEC (file, classpath resource or
 * http(s) URL; default: the bundled Trackdesk spec), swapped atomically on reload, and re-fetched on
 * the MCP_SPEC_REFRESH schedule when it comes from a URL (see {@link SpecRefresh}).
 */
@ApplicationScoped
public class Catalog {

    public static final String SPEC_KEY = "MCP_SPEC";
    public static final String REFRESH_KEY = "MCP_SPEC_REFRESH";
    public static final String BUNDLED_SPEC = SpecDocumentReader.CLASSPATH_PREFIX + "trackdesk-openapi.json";

    private static final Logger LOG = Logger.getLogger(Catalog.class.getName());

    /** Blank counts as not set: the bundled spec. */
    @Inject
    @ConfigProperty(name = SPEC_KEY)
    Optional<String> spec = Optional.empty();

    @Inject
    Event<CatalogLoaded> loaded;

    SpecLoader loader = new SpecLoader();

    private final AtomicReference<OperationCatalog> current = new AtomicReference<>();
    private final OperationIdSuggestions suggestions = new OperationIdSuggestions();

    /** Eager load at deployment: a broken spec should fail the deployment, not the first request. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        snapshot();
    }

    public Optional<Operation> byId(String operationId) {
        return snapshot().byId(operationId);
    }

    /** @param method any case; @param pathTemplate exactly as in the spec, e.g. {@code /pets/{petId}} */
    public Optional<Operation> byMethodAndPath(String method, String pathTemplate) {
        return snapshot().byMethodAndPath(method, pathTemplate);
    }

    public List<Operation> operations() {
        return snapshot().operations();
    }

    public CatalogInfo info() {
        return snapshot().info();
    }

    /** Known operationIds closest to an unknown one (or to a "METHOD /path"), best first; may be empty. */
    public List<String> closestOperationIds(String misspelt, int max) {
        return suggestions.closest(operations(), misspelt, max);
    }

    /**
     * Loads the MCP_SPEC document again now. On failure the previous catalog keeps serving.
     *
     * @throws CatalogLoadException naming the source and what is wrong with it
     */
    public void reload() {
        publish(loader.load(specLocation()));
    }

    /** The whole current catalog, for callers that must see one consistent version (the search index). */
    public OperationCatalog snapshot() {
        var catalog = current.get();
        return catalog != null ? catalog : loadFirst();
    }

    private synchronized OperationCatalog loadFirst() {
        var catalog = current.get();
        if (catalog == null) {
            catalog = firstLoad(specLocation());
            publish(catalog);
        }
        return catalog;
    }

    private OperationCatalog firstLoad(String location) {
        if (!SpecDocumentReader.isRemote(location)) {
            return loader.load(location);
        }
        try {
            return loader.load(location);
        } catch (CatalogLoadException e) {
            // A remote spec may be briefly unreachable; serving the bundled copy beats not starting.
            LOG.log(Level.SEVERE, "Could not load " + SPEC_KEY + "=" + SpecLocations.withoutSecrets(location) + " (" + e.getMessage()
                    + "); serving the bundled Trackdesk spec as FALLBACK until a refresh succeeds");
            return loader.load(BUNDLED_SPEC).asFallback();
        }
    }

    /**
     * Loads the MCP_SPEC document again for the scheduled refresh: serves it if it changed (or replaces a fallback);
     * a failure is only logged, the current catalog keeps serving.
     */
    public void refresh() {
        try {
            var fresh = loader.load(specLocation());
            var previous = current.get();
            if (previous != null && !previous.info().fallback() && fresh.fingerprint().equals(previous.fingerprint())) {
                return;
            }
            publish(fresh);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled refresh of " + SPEC_KEY + " failed, still serving "
                    + info().source() + ": " + e.getMessage());
        }
    }

    private void publish(OperationCatalog catalog) {
        current.set(catalog);
        var info = catalog.info();
        LOG.info(() -> "Serving " + info.operationCount() + " operations of '" + info.title() + "' " + info.version()
                + " from " + info.source() + (info.fallback() ? " (FALLBACK)" : ""));
        if (loaded != null) {
            loaded.fire(new CatalogLoaded(catalog));
        }
    }

    private String specLocation() {
        return spec.filter(value -> !value.isBlank()).orElse(BUNDLED_SPEC);
    }
}
