package com.trackdesk.mcp.health.control;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the metrics database is, read from the same MicroProfile Config keys and with the same defaults
 * as the metrics recorder (admin-ui's {@code MetricsOptionsReader}): {@code MCP_DB_URL} (default: the H2
 * file {@code <MCP_DATA_DIR>/metrics}, {@code MCP_DATA_DIR} default {@code ./data}), {@code MCP_DB_USER}
 * (default {@code sa} for H2), {@code MCP_DB_PASSWORD}.
 *
 * @param mode {@code MCP_HEALTH_DATABASE}: {@code auto} checks the database when the metrics recorder is
 *             part of this application, {@code true} always, {@code false} never
 */
public record DatabaseSettings(String url, String user, String password, Mode mode) {

    public static final String URL_KEY = "MCP_DB_URL";
    public static final String USER_KEY = "MCP_DB_USER";
    public static final String PASSWORD_KEY = "MCP_DB_PASSWORD";
    public static final String DATA_DIR_KEY = "MCP_DATA_DIR";
    public static final String MODE_KEY = "MCP_HEALTH_DATABASE";

    public enum Mode { AUTO, TRUE, FALSE }

    public static DatabaseSettings read(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> values = key -> config.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        String url = values.apply(URL_KEY).orElseGet(() -> "jdbc:h2:file:"
                + Path.of(values.apply(DATA_DIR_KEY).orElse("./data")).toAbsolutePath().normalize().resolve("metrics"));
        String user = values.apply(USER_KEY).orElse(url.startsWith("jdbc:h2:") ? "sa" : "");
        return new DatabaseSettings(url, user, values.apply(PASSWORD_KEY).orElse(""), mode(values.apply(MODE_KEY)));
    }

    private static Mode mode(Optional<String> value) {
        try {
            return value.map(v -> Mode.valueOf(v.toUpperCase(Locale.ROOT))).orElse(Mode.AUTO);
        } catch (IllegalArgumentException e) {
            return Mode.AUTO;
        }
    }

    /** The URL without credentials or parameters that may carry them, for health answers and logs. */
    public String safeUrl() {
        String cut = url;
        for (char separator : new char[] {'?', ';'}) {
            int at = cut.indexOf(separator);
            if (at >= 0) {
                cut = cut.substring(0, at);
            }
        }
        return cut.replaceAll("//[^/@]*@", "//");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + ", mode=" + mode + "]";
    }
}
