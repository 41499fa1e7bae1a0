package com.trackdesk.mcp.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EAR as built, opened like {@code unzip -l} would: the three modules at their context roots, every
 * library once in lib/, skinny WARs (no class both in lib/ and in a WAR, or in lib/ and the EJB module),
 * no Jakarta EE API and no H2 shipped (the server brings both). Runs in a second, before the server test.
 */
class EarLayoutIT {

    /** Where each class of the application lives, per class-loading scope. */
    static final Map<String, List<String>> CLASSES = new TreeMap<>();
    static final Map<String, List<String>> WEB_INF_LIB = new HashMap<>();
    static String applicationXml;
    static final List<String> MANIFEST_CLASS_PATHS = new ArrayList<>();

    @BeforeAll
    static void readEar() throws IOException {
        try (ZipFile ear = new ZipFile(Path.of(System.getProperty("ear.file")).toFile())) {
            for (ZipEntry entry : java.util.Collections.list(ear.entries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = ear.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (name.equals("META-INF/application.xml")) {
                    applicationXml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                } else if (name.startsWith("lib/") && name.endsWith(".jar")) {
                    readJar(bytes, "shared", name);
                } else if (name.endsWith(".jar")) {
                    readJar(bytes, "shared", name); // EJB module: visible to every module like lib/
                } else if (name.endsWith(".war")) {
                    readWar(bytes, name);
                }
            }
        }
    }

    static void readWar(byte[] war, String warName) throws IOException {
        List<String> libs = new ArrayList<>();
        WEB_INF_LIB.put(warName, libs);
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(war))) {
            manifestClassPath(in.getManifest(), warName);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                    libs.add(name.substring("WEB-INF/lib/".length()));
                    readJar(in.readAllBytes(), warName, warName + "!/" + name);
                } else if (name.startsWith("WEB-INF/classes/") && name.endsWith(".class")) {
                    record(name.substring("WEB-INF/classes/".length()), warName, warName + "!/WEB-INF/classes");
                }
            }
        }
    }

    static void readJar(byte[] jar, String scope, String where) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifestClassPath(in.getManifest(), where);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/versions/")) {
                    record(entry.getName(), scope, where);
                }
            }
        }
    }

    static void record(String className, String scope, String where) {
        CLASSES.computeIfAbsent(className, k -> new ArrayList<>()).add(scope + "|" + where);
    }

    static void manifestClassPath(Manifest manifest, String where) {
        if (manifest != null && manifest.getMainAttributes().getValue("Class-Path") != null) {
            MANIFEST_CLASS_PATHS.add(where + ": " + manifest.getMainAttributes().getValue("Class-Path"));
        }
    }

    @Test
    void holdsTheThreeModulesAtTheirContextRoots() {
        String xml = applicationXml.replaceAll("\\s+", "");
        assertThat(xml).contains("<ejb>catalog-ejb.jar</ejb>")
                .contains("<web><web-uri>mcp-web.war</web-uri><context-root>/</context-root></web>")
                .contains("<web><web-uri>admin-ui.war</web-uri><context-root>/admin</context-root></web>")
                .contains("<library-directory>lib</library-directory>");
        assertThat(WEB_INF_LIB).containsOnlyKeys("mcp-web.war", "admin-ui.war");
    }

    @Test
    void noClassIsBothInLibAndInAModuleNorTwiceInLib() {
        Map<String, List<String>> duplicates = new TreeMap<>();
        CLASSES.forEach((className, places) -> {
            if (className.endsWith("module-info.class")) {
                return;
            }
            long shared = places.stream().filter(p -> p.startsWith("shared|")).count();
            // each WAR sees lib/ + the EJB module + itself; two sibling WARs may hold the same class
            Map<String, Long> perWar = new HashMap<>();
            places.stream().filter(p -> !p.startsWith("shared|"))
                    .forEach(p -> perWar.merge(p.substring(0, p.indexOf('|')), 1L, Long::sum));
            boolean clash = shared > 1 || perWar.values().stream().anyMatch(n -> shared + n > 1);
            if (clash) {
                duplicates.put(className, places);
            }
        });
        Map<String, List<String>> shown = new TreeMap<>();
        duplicates.entrySet().stream().limit(20).forEach(e -> shown.put(e.getKey(), e.getValue()));
        assertThat(shown)
                .as(duplicates.size() + " classes are twice on one module's class path; align ear/pom.xml's war.*"
                        + " versions with the WARs' WEB-INF/lib (first 20 shown)")
                .isEmpty();
    }

    @Test
    void warsAreSkinny() {
        // the metrics module too is in lib/, once for both WARs: two copies of its @Transactional bean (one per WAR)
        // make Weld cast one WAR's intercepted subclass to the other WAR's class (ClassCastException at deployment)
        assertThat(WEB_INF_LIB.get("mcp-web.war")).isEmpty();
        assertThat(WEB_INF_LIB.get("admin-ui.war")).isEmpty();
        assertThat(CLASSES.get("com/trackdesk/mcp/metrics/control/MetricsDatabase.class"))
                .hasSize(1).allMatch(place -> place.matches("shared\\|lib/metrics-[0-9].*\\.jar"));
        assertThat(MANIFEST_CLASS_PATHS).as("lib/ is the library directory; no Class-Path entries needed").isEmpty();
    }

    @Test
    void shipsNeitherJakartaEeApisNorH2() {
        TreeSet<String> serverOwned = new TreeSet<>();
        CLASSES.forEach((className, places) -> {
            if (className.startsWith("jakarta/") || className.startsWith("org/h2/")) {
                serverOwned.add(className + " " + places);
            }
        });
        assertThat(serverOwned).isEmpty();
    }
}
