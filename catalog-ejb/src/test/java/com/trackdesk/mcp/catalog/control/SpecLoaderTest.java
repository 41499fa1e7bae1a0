package com.trackdesk.mcp.catalog.control;

import com.sun.net.httpserver.HttpServer;
import com.trackdesk.mcp.catalog.entity.CatalogLoadException;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecLoaderTest {

    private final SpecLoader loader = new SpecLoader();
    private final OperationCatalog shapes = loader.load("classpath:specs/shapes.yaml");

    @Test
    void readsYamlAndReportsTitleVersionSourceAndCount() {
        var info = shapes.info();

        assertThat(info.title()).isEqualTo("Shapes");
        assertThat(info.version()).isEqualTo("2.0");
        assertThat(info.source()).isEqualTo("classpath:specs/shapes.yaml");
        assertThat(info.operationCount()).isEqualTo(4);
        assertThat(info.fallback()).isFalse();
        assertThat(info.loadedAt()).isNotNull();
    }

    @Test
    void operationsWithoutIdGetAStableMethodAndPathId() {
        assertThat(shapes.operations()).extracting(Operation::operationId)
                .containsExactly("GET_folders_folderId_items", "POST_folders_folderId_items", "replaceTree", "bounce");
        assertThat(loader.load("classpath:specs/shapes.yaml").byId("GET_folders_folderId_items")).isPresent();
    }

    @Test
    void pathLevelParametersAreMergedAndTheOperationsOwnWin() {
        var list = shapes.byId("GET_folders_folderId_items").orElseThrow();

        assertThat(list.parameter(ParameterLocation.PATH, "folderId")).hasValueSatisfying(p -> {
            assertThat(p.required()).isTrue();
            assertThat(p.type()).isEqualTo("integer");
        });
        assertThat(list.parameter(ParameterLocation.QUERY, "verbose")).hasValueSatisfying(p ->
                assertThat(p.description()).isEqualTo("operation-level wins"));
        assertThat(shapes.byId("POST_folders_folderId_items").orElseThrow().parametersIn(ParameterLocation.PATH))
                .extracting(p -> p.name()).containsExactly("folderId");
    }

    @Test
    void referencedParametersAreResolved() {
        var pageSize = shapes.byId("GET_folders_folderId_items").orElseThrow()
                .parameter(ParameterLocation.QUERY, "pageSize").orElseThrow();

        assertThat(pageSize.type()).isEqualTo("integer");
        assertThat(pageSize.schema().get("maximum")).hasToString("100");
    }

    @Test
    void styleAndExplodeDefaultAsOpenApiSays() {
        var list = shapes.byId("GET_folders_folderId_items").orElseThrow();

        assertThat(list.parameter(ParameterLocation.PATH, "folderId").orElseThrow())
                .satisfies(p -> assertThat(p.style()).isEqualTo("simple"), p -> assertThat(p.explode()).isFalse());
        assertThat(list.parameter(ParameterLocation.QUERY, "pageSize").orElseThrow())
                .satisfies(p -> assertThat(p.style()).isEqualTo("form"), p -> assertThat(p.explode()).isTrue());
        assertThat(list.parameter(ParameterLocation.HEADER, "X-Trace").orElseThrow())
                .satisfies(p -> assertThat(p.style()).isEqualTo("simple"), p -> assertThat(p.explode()).isFalse());
        assertThat(list.parameter(ParameterLocation.COOKIE, "session").orElseThrow())
                .satisfies(p -> assertThat(p.style()).isEqualTo("form"), p -> assertThat(p.explode()).isTrue());
        assertThat(list.parameter(ParameterLocation.QUERY, "ids").orElseThrow())
                .satisfies(p -> assertThat(p.style()).isEqualTo("pipeDelimited"), p -> assertThat(p.explode()).isFalse());
    }

    @Test
    void requestBodyReferencesAreInlinedAndNamed() {
        var body = shapes.byId("POST_folders_folderId_items").orElseThrow().requestBody().orElseThrow();

        assertThat(body.required()).isTrue();
        assertThat(body.contentType()).isEqualTo("application/json");
        assertThat(body.topLevelFields()).containsExactly("name", "folder");
        assertThat(body.schema()).containsEntry("title", "Item").containsEntry("required", List.of("name"));
        assertThat(properties(body.schema()).get("folder")).isInstanceOf(Map.class);
        assertThat(properties((Map<?, ?>) properties(body.schema()).get("folder")).keySet()).containsExactly("title");
    }

    @Test
    void aSelfReferencingSchemaIsCutWithAComment() {
        var node = shapes.byId("replaceTree").orElseThrow().requestBody().orElseThrow().schema();
        var children = (Map<?, ?>) properties(node).get("children");

        assertThat(children.get("items")).isEqualTo(Map.of("$comment", "recursive reference to Node"));
    }

    @Test
    void mutuallyRecursiveSchemasAreCutAndJsonFlavoursArePreferred() {
        var body = shapes.byId("bounce").orElseThrow().requestBody().orElseThrow();
        var pong = (Map<?, ?>) properties(body.schema()).get("pong");

        assertThat(body.contentType()).isEqualTo("application/vnd.shapes+json");
        assertThat(properties(pong).get("ping")).isEqualTo(Map.of("$comment", "recursive reference to Ping"));
    }

    @Test
    void responseCodesAreListedAsDeclared() {
        assertThat(shapes.byId("GET_folders_folderId_items").orElseThrow().responseCodes()).containsExactly("200", "default");
    }

    @Test
    void openApi31TypeListsAreUnderstood() {
        var catalog = loader.load("classpath:specs/openapi-31.json");
        var id = catalog.byId("get_thing").orElseThrow().parameter(ParameterLocation.PATH, "id").orElseThrow();
        var thing = catalog.byId("update_thing").orElseThrow().requestBody().orElseThrow();

        assertThat(id.type()).isEqualTo("string");
        assertThat(properties(thing.schema()).get("parent")).isEqualTo(Map.of("$comment", "recursive reference to Thing"));
    }

    @Test
    void lookupByMethodIgnoresCaseButPathMustMatchTheTemplate() {
        assertThat(shapes.byMethodAndPath("put", "/tree")).map(Operation::operationId).hasValue("replaceTree");
        assertThat(shapes.byMethodAndPath("PUT", "/tree/")).isEmpty();
        assertThat(shapes.byMethodAndPath("GET", "/tree")).isEmpty();
    }

    @Test
    void gzippedFilesAreRecognisedByTheirContent(@TempDir Path dir) throws Exception {
        var plain = new String(getClass().getResourceAsStream("/specs/openapi-31.json").readAllBytes(), StandardCharsets.UTF_8);
        var file = dir.resolve("spec.json.gz");
        Files.write(file, gzip(plain));

        assertThat(loader.load(file).operations()).hasSize(2);
    }

    @Test
    void httpUrlsAreFetched() throws Exception {
        var document = getClass().getResourceAsStream("/specs/openapi-31.json").readAllBytes();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/spec.json", exchange -> {
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        server.start();
        try {
            var url = "http://127.0.0.1:" + server.getAddress().getPort();

            assertThat(loader.load(url + "/spec.json").info().source()).isEqualTo(url + "/spec.json");
            assertThatThrownBy(() -> loader.load(url + "/missing.json"))
                    .isInstanceOf(CatalogLoadException.class)
                    .hasMessageContaining(url + "/missing.json").hasMessageContaining("HTTP 404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theSourceShownInHealthAndConsoleCarriesNoCredentialsOrQuery() throws Exception {
        String document = new String(getClass().getResourceAsStream("/specs/openapi-31.json").readAllBytes(),
                StandardCharsets.UTF_8);

        var info = loader.parse(document, "https://user:tok@specs.example.com/api.json?access_token=abc").info();

        assertThat(info.source()).isEqualTo("https://specs.example.com/api.json (credentials and query hidden)");
        assertThat(loader.parse(document, "http://127.0.0.1:8089/spec@v2.json").info().source())
                .isEqualTo("http://127.0.0.1:8089/spec@v2.json");
        assertThatThrownBy(() -> loader.parse(" ", "https://specs.example.com/api.json?access_token=abc"))
                .hasMessage("API description https://specs.example.com/api.json (credentials and query hidden) is empty");
    }

    @Test
    void unparsableDocumentsFailNamingTheSourceAndTheParsersComplaint() {
        assertThatThrownBy(() -> loader.load("classpath:specs/broken.yaml"))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("classpath:specs/broken.yaml")
                .hasMessageContaining("not a readable OpenAPI 3.x document:");
    }

    @Test
    void aDocumentWithoutOperationsIsRejected() {
        assertThatThrownBy(() -> loader.load("classpath:specs/no-paths.json"))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("declares no operations");
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        assertThatThrownBy(() -> loader.load("/nowhere/spec.json"))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("'/nowhere/spec.json' is neither a readable file, a classpath resource nor an http(s) URL");
    }

    @Test
    void anEmptyDocumentIsRejected() {
        assertThatThrownBy(() -> loader.parse("  ", "inline"))
                .isInstanceOf(CatalogLoadException.class).hasMessage("API description inline is empty");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<?, ?> schema) {
        return (Map<String, Object>) schema.get("properties");
    }

    private static byte[] gzip(String text) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
