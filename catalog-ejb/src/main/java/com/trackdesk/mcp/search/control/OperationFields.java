package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the index knows about an operation, field by field. Everything comes from the spec's structure
 * (id, path, tags, parameter and schema names, HTTP method) as well as its prose, because prose is
 * often missing or worded differently from how people ask.
 */
public final class OperationFields {

    public static final String ORDINAL = "ordinal";
    public static final String METHOD = "method";
    public static final String TAG = "tag";
    /** "item" for operations on one thing named in the path ({@code /tags/{id}}). */
    public static final String TARGET = "target";
    public static final String ONE_ITEM = "item";
    /** The exact names of the operation's parameters and body fields, for requests that spell one out. */
    public static final String FIELD_NAME = "field";

    public static final String NAME = "name";
    public static final String ACTION = "action";
    public static final String SUMMARY = "summary";
    public static final String DESCRIPTION = "description";
    public static final String TAGS = "tags";
    public static final String PATH = "path";
    /** The thing an operation acts on: the path's last literal segment ({@code /guilds/{id}/members/{user}} → members). */
    public static final String RESOURCE = "resource";
    public static final String PARAMETERS = "parameters";
    public static final String BODY = "body";

    /** Fields made of names rather than prose. */
    public static final Set<String> IDENTIFIERS = Set.of(NAME, ACTION, TAGS, PATH, RESOURCE, PARAMETERS, BODY);

    /** How much a match in each field counts; names and summaries say what an operation does. */
    public static final Map<String, Float> BOOSTS = Map.of(
            NAME, 3.0f,
            ACTION, 1.5f,
            SUMMARY, 2.0f,
            DESCRIPTION, 0.6f,
            TAGS, 1.0f,
            PATH, 1.2f,
            RESOURCE, 2.0f,
            PARAMETERS, 0.5f,
            BODY, 0.6f);

    /**
     * Identifiers repeat their resource ({@code GetPayoutsPayout}, {@code /payouts/{payout}}), which says
     * nothing about relevance, so term frequency and length count little there; prose keeps classic BM25.
     */
    public static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final Similarity identifiers = new BM25Similarity(0.5f, 0.5f);
        private final Similarity prose = new BM25Similarity();

        @Override
        public Similarity get(String field) {
            return IDENTIFIERS.contains(field) ? identifiers : prose;
        }
    };

    /** Descriptions can be pages long (Stripe, GitHub); the opening says what matters. */
    private static final int DESCRIPTION_CHARS = 600;

    private OperationFields() {
    }

    public static Document document(int ordinal, Operation operation) {
        var doc = new Document();
        doc.add(new StoredField(ORDINAL, ordinal));
        doc.add(new StringField(METHOD, operation.method(), Field.Store.NO));
        operation.tags().forEach(tag -> doc.add(new StringField(TAG, tag.toLowerCase(Locale.ROOT), Field.Store.NO)));
        if (operation.path().endsWith("}")) {
            doc.add(new StringField(TARGET, ONE_ITEM, Field.Store.NO));
        }

        FieldNames.of(operation).forEach(name -> doc.add(new StringField(FIELD_NAME, name, Field.Store.NO)));

        text(doc, NAME, operation.operationId());
        text(doc, ACTION, ActionWords.of(operation));
        text(doc, SUMMARY, operation.summary());
        text(doc, DESCRIPTION, abbreviate(operation.description()));
        text(doc, TAGS, String.join(" . ", operation.tags()) + " . " + String.join(" . ", operation.labels()));
        text(doc, PATH, literalPath(operation.path()));
        text(doc, RESOURCE, resource(operation.path()));
        text(doc, PARAMETERS, operation.parameters().stream()
                .filter(p -> p.location() != ParameterLocation.HEADER && p.location() != ParameterLocation.COOKIE)
                .map(p -> p.name()).collect(Collectors.joining(" . ")));
        operation.requestBody().ifPresent(body -> text(doc, BODY, BodyWords.of(body)));
        return doc;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    /** Path parameters are described by the parameters field; version segments say nothing. */
    private static String literalPath(String path) {
        return path.replaceAll("\\{[^}]*}", " ").replaceAll("(?i)(^|/)v\\d+(?=/|$)", "/");
    }

    /**
     * The segments before the last literal one only say whose it is (the scope: a guild's, a repository's), so
     * the noun the person names should weigh more here than there: "list the zones" means {@code GET /zones},
     * not one of the hundreds of operations under {@code /zones/{zone_id}/...}.
     */
    static String resource(String path) {
        var segments = literalPath(path).split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isBlank()) {
                return segments[i].strip();
            }
        }
        return "";
    }

    private static String abbreviate(String description) {
        return description.length() <= DESCRIPTION_CHARS ? description : description.substring(0, DESCRIPTION_CHARS);
    }
}
