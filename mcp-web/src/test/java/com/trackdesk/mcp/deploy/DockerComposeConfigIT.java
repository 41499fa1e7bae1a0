package com.trackdesk.mcp.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as Compose itself reads it ({@code docker-compose config}; there is no Docker engine to
 * run it here) and deploy/caddy/Caddyfile as Caddy reads it ({@code caddy validate}). Each check is skipped,
 * saying why, when its binary is missing: Debian packages {@code docker-compose} and {@code caddy}.
 */
class DockerComposeConfigIT {

    static Path root;

    @BeforeAll
    static void projectRoot() {
        root = Path.of(System.getProperty("sandbox.dir")).toAbsolutePath().getParent();
    }

    @Test
    void composeFileIsValid() throws Exception {
        String composeBinary = binary("docker-compose").orElse(null);
        Assumptions.assumeTrue(composeBinary != null,
                "docker-compose not installed (apt-get install -y docker-compose): compose file not validated");
        Result quiet = run(List.of(composeBinary, "config", "-q"), Map.of());
        assertThat(quiet.exit()).as(quiet.output()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeDescribesAClusterBehindTheTlsProxy() throws Exception {
        String composeBinary = binary("docker-compose").orElse(null);
        Assumptions.assumeTrue(composeBinary != null,
                "docker-compose not installed (apt-get install -y docker-compose): compose file not validated");
        Result config = run(List.of(composeBinary, "config"), Map.of("MCP_ADMIN_PASSWORD", "compose-it"));
        assertThat(config.exit()).as(config.output()).isZero();
        Map<String, Object> compose = new Yaml().load(config.output());
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("mcp-1", "mcp-2", "proxy", "postgres", "sandbox");

        for (String instance : List.of("mcp-1", "mcp-2")) {
            Map<String, Object> service = services.get(instance);
            List<String> command = (List<String>) service.get("command");
            assertThat(command).doesNotContain("--nocluster")
                    .containsSubsequence("--clustername", "trackdesk-mcp")
                    .containsSubsequence("--clustermode", "tcpip:mcp-1:6900,mcp-2:6900")
                    .contains("--shutdowngrace", "--prebootcommandfile");
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.get("MCP_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/trackdesk");
            assertThat(environment.get("MCP_UPSTREAM_URL")).isEqualTo("http://sandbox:8080");
            assertThat(environment.get("MCP_ADMIN_PASSWORD")).isEqualTo("compose-it");
            // one shared database restarting must not take every instance out of the proxy's rotation
            assertThat(environment.get("MCP_HEALTH_DATABASE")).isEqualTo("false");
            // the data grid must outlive the shutdown grace (ClusterIT shows calls in flight fail otherwise)
            assertThat(String.valueOf(environment.get("JDK_JAVA_OPTIONS")))
                    .contains("-Dhazelcast.shutdownhook.enabled=false");
            assertThat(String.valueOf(service.get("volumes")))
                    .contains("mcp-web/target/mcp-web.war").contains("admin-ui/target/admin-ui.war");
            assertThat(String.valueOf(service.get("stop_grace_period"))).isEqualTo("40s");
        }
        assertThat(String.valueOf(services.get("proxy").get("ports"))).contains("443");
        assertThat(String.valueOf(services.get("sandbox").get("volumes"))).contains("sandbox");

        // every file the services mount from this repository, except the built WARs, is in the repository
        for (String file : List.of("deploy/caddy/Caddyfile", "deploy/payara-micro/preboot-commands.asadmin",
                "sandbox/mappings")) {
            assertThat(root.resolve(file)).exists();
        }
    }

    @Test
    void caddyfileIsValid() throws Exception {
        String caddyBinary = binary("caddy").orElse(null);
        Assumptions.assumeTrue(caddyBinary != null,
                "caddy not installed (apt-get install -y caddy): Caddyfile not validated");
        Result validate = run(List.of(caddyBinary, "validate", "--adapter", "caddyfile", "--config",
                root.resolve("deploy/caddy/Caddyfile").toString()), Map.of("MCP_TENANT_DOMAIN", "trackdesk.localhost",
                "XDG_DATA_HOME", Path.of(System.getProperty("it.target", "target")).resolve("caddy-data")
                        .toAbsolutePath().toString()));
        assertThat(validate.exit()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("Valid configuration");
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path output = Files.createTempFile("deploy-it", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            // the file's own defaults, whatever the shell running the build has set
            builder.environment().keySet().removeIf(key -> key.startsWith("MCP_") || key.startsWith("POSTGRES_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static Optional<String> binary(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).map(Path::toString).findFirst();
    }
}
