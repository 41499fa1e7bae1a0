package com.trackdesk.mcp.catalog.control;

import com.trackdesk.mcp.catalog.entity.CatalogLoadException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Fetches the raw text of an API description from a file, a classpath resource or an http(s) URL.
 * Gzipped documents are recognised by their magic bytes, because large public specs are shipped gzipped.
 */
public class SpecDocumentReader {

    public static final String CLASSPATH_PREFIX = "classpath:";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

    public static boolean isRemote(String location) {
        var lower = location.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    public String read(String location) {
        var trimmed = location.strip();
        if (isRemote(trimmed)) {
            return download(trimmed);
        }
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            return resource(trimmed.substring(CLASSPATH_PREFIX.length()), trimmed);
        }
        var file = asFile(trimmed);
        if (file != null && Files.isRegularFile(file)) {
            return file(file);
        }
        if (resourceExists(trimmed)) {
            return resource(trimmed, trimmed);
        }
        throw new CatalogLoadException("API description '" + trimmed
                + "' is neither a readable file, a classpath resource nor an http(s) URL");
    }

    private static Path asFile(String location) {
        try {
            return Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
        } catch (IllegalArgumentException e) {
            // InvalidPathException included: such a location can still be a resource name.
            return null;
        }
    }

    private String file(Path file) {
        try {
            return decode(Files.readAllBytes(file));
        } catch (IOException | UncheckedIOException e) {
            throw new CatalogLoadException("Cannot read API description file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean resourceExists(String name) {
        return classLoaderOf(stripSlash(name)) != null;
    }

    private String resource(String name, String location) {
        var loader = classLoaderOf(stripSlash(name));
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(stripSlash(name))) {
            if (in == null) {
                throw new CatalogLoadException("No classpath resource " + location);
            }
            return decode(in.readAllBytes());
        } catch (IOException | UncheckedIOException e) {
            throw new CatalogLoadException("Cannot read classpath resource " + location + ": " + e.getMessage(), e);
        }
    }

    private String download(String url) {
        try {
            var client = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(DOWNLOAD_TIMEOUT)
                    .header("Accept", "application/json, application/yaml, text/yaml, */*")
                    .GET().build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new CatalogLoadException("Fetching API description " + SpecLocations.withoutSecrets(url) + " answered HTTP " + response.statusCode());
            }
            return decode(response.body());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new CatalogLoadException("Cannot fetch API description " + SpecLocations.withoutSecrets(url) + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogLoadException("Interrupted while fetching API description " + SpecLocations.withoutSecrets(url), e);
        }
    }

    private static String decode(byte[] bytes) {
        boolean gzipped = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzipped) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt gzip data", e);
        }
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /**
     * This module's own loader first (it holds the bundled spec, whichever thread asks), then the
     * application's, which also sees resources of the other modules.
     */
    private static ClassLoader classLoaderOf(String name) {
        var own = SpecDocumentReader.class.getClassLoader();
        if (own != null && own.getResource(name) != null) {
            return own;
        }
        var context = Thread.currentThread().getContextClassLoader();
        return context != null && context.getResource(name) != null ? context : null;
    }
}
