package com.trackdesk.mcp.catalog.control;

import com.trackdesk.mcp.catalog.entity.CatalogInfo;
import com.trackdesk.mcp.catalog.entity.CatalogLoadException;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/** Builds an {@link OperationCatalog} from an OpenAPI 3.0/3.1 document (JSON or YAML) with swagger-parser. */
public class SpecLoader {

    private static final Logger LOG = Logger.getLogger(SpecLoader.class.getName());
    private static final int MAX_REPORTED_MESSAGES = 10;

    private final SpecDocumentReader reader;
    private final OperationReader operations = new OperationReader();
    private final Clock clock;

    public SpecLoader() {
        this(new SpecDocumentReader(), Clock.systemUTC());
    }

    public SpecLoader(SpecDocumentReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** @param location file path, {@code classpath:} resource (or bare resource name) or http(s) URL */
    public OperationCatalog load(String location) {
        Objects.requireNonNull(location, "location");
        return parse(reader.read(location), location);
    }

    public OperationCatalog load(Path file) {
        return load(file.toString());
    }

    /**
     * @param location names the document in messages and in {@link CatalogInfo#source()}, both without
     *                 the credentials or query a URL may carry
     */
    public OperationCatalog parse(String document, String location) {
        String source = SpecLocations.withoutSecrets(location);
        if (document == null || document.isBlank()) {
            throw new CatalogLoadException("API description " + source + " is empty");
        }
        var api = openApi(document, source);
        var list = operations.read(api);
        if (list.isEmpty()) {
            throw new CatalogLoadException("API description " + source + " declares no operations under 'paths'");
        }
        var title = api.getInfo() == null ? "" : Objects.toString(api.getInfo().getTitle(), "");
        var version = api.getInfo() == null ? "" : Objects.toString(api.getInfo().getVersion(), "");
        var info = new CatalogInfo(title, version, source, list.size(), clock.instant(), false);
        return new OperationCatalog(list, info, fingerprint(document));
    }

    private OpenAPI openApi(String document, String source) {
        var options = new ParseOptions();
        // Only external references are resolved by the parser; local ones are inlined by
        // JsonSchemaInliner, which survives recursive schemas (resolveFully does not).
        options.setResolve(true);
        options.setResolveFully(false);
        // No location on purpose: given one, swagger-parser's 3.1 dereferencer re-reads the whole
        // document for every internal $ref (minutes for OpenAI's spec). Specs split over several
        // files are therefore not supported; the public ones we serve are all single documents.
        var result = new OpenAPIV3Parser().readContents(document, null, options);
        var messages = result.getMessages() == null ? List.<String>of() : result.getMessages();
        if (result.getOpenAPI() == null || result.getOpenAPI().getPaths() == null) {
            throw new CatalogLoadException("API description " + source + " is not a readable OpenAPI 3.x document"
                    + (messages.isEmpty() ? "" : ": " + summary(messages)));
        }
        if (!messages.isEmpty()) {
            // Real-world specs are often slightly invalid (Cloudflare's lowercase "4xx"); serve them anyway.
            LOG.warning(() -> "API description " + source + " has " + messages.size()
                    + " problem(s), loading anyway: " + summary(messages));
        }
        return result.getOpenAPI();
    }

    private static String summary(List<String> messages) {
        var shown = String.join("; ", messages.subList(0, Math.min(messages.size(), MAX_REPORTED_MESSAGES)));
        return messages.size() > MAX_REPORTED_MESSAGES
                ? shown + "; ... (" + (messages.size() - MAX_REPORTED_MESSAGES) + " more)"
                : shown;
    }

    private static String fingerprint(String document) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
