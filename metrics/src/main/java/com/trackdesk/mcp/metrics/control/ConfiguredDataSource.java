package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The physical connections behind a WAR's metrics connection pool (the {@code data-source} of its {@code web.xml},
 * see {@link MetricsDatabase}): the container pools them, validates them and enlists them in its transactions; this
 * class only knows where the database is. It reads that from MicroProfile Config itself, with the same defaults as
 * the rest of the metrics ({@link MetricsOptionsReader}): the container creates it, outside CDI, so nothing can be
 * injected into it, and a {@code ${MPCONFIG=...}} placeholder in the definition could neither derive the default
 * H2 file from {@code MCP_DATA_DIR} nor choose the driver by the URL.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile MetricsOptions options;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeoutSeconds;

    public ConfiguredDataSource() {
        // created by the container's connection pool
    }

    /** Outside a container (tests): these settings instead of MicroProfile Config's. */
    public ConfiguredDataSource(MetricsOptions options) {
        this.options = options;
    }

    @Override
    public Connection getConnection() throws SQLException {
        MetricsOptions current = options();
        return getConnection(current.databaseUser(), current.databasePassword());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user == null ? "" : user);
        properties.setProperty("password", password == null ? "" : password);
        String url = options().databaseUrl();
        if (loginTimeoutSeconds > 0 && url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("loginTimeout", String.valueOf(loginTimeoutSeconds));
        }
        return DatabaseDriver.connect(url, properties);
    }

    private MetricsOptions options() {
        MetricsOptions current = options;
        if (current == null) {
            Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
            current = new MetricsOptionsReader(key -> config.getOptionalValue(key, String.class)).read();
            options = current;
        }
        return current;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("connections log through their driver");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException(ConfiguredDataSource.class.getSimpleName() + " wraps no " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
