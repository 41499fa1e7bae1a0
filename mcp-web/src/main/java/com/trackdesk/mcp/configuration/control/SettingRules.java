package com.trackdesk.mcp.configuration.control;

import java.util.logging.Logger;

/**
 * The rules of settings, checked where a setting is read, when the bean that reads it is created at deployment.
 * A value that breaks them stops the deployment with one message of one form, naming the variable:
 * {@code MCP_UPSTREAM_TIMEOUT_MS must be a positive number of milliseconds, was -5}.
 */
public final class SettingRules {

    private static final Logger LOG = Logger.getLogger(SettingRules.class.getName());

    private SettingRules() {
    }

    /** @return the value, when above zero */
    public static long positive(String name, long value, String unit) {
        if (value <= 0) {
            throw refused(name + " must be a positive number of " + unit + ", was " + value);
        }
        return value;
    }

    /**
     * For a number read as text: Payara 6's typed injection puts the default in place of a word ("soon") without a
     * warning, against what MicroProfile Config asks, so settings whose word must be refused are parsed here.
     *
     * @return the value, when a whole number above zero
     */
    public static long positive(String name, String value, String unit) {
        try {
            return positive(name, Long.parseLong(value.strip()), unit);
        } catch (NumberFormatException notANumber) {
            throw refused(name + " must be a positive number of " + unit + ", was '" + value + "'");
        }
    }

    /** @return the value, when zero or above */
    public static long notNegative(String name, long value, String unit) {
        if (value < 0) {
            throw refused(name + " must be zero or a positive number of " + unit + ", was " + value);
        }
        return value;
    }

    /**
     * The exception that stops the deployment, its problem logged here too: the server reports a failed
     * deployment by the container's wrapper exception ("WELD-000049: Unable to invoke …"), without our words.
     *
     * @param problem starts with the variable's name and says what it must be and what it was
     */
    public static IllegalArgumentException refused(String problem) {
        LOG.severe(() -> "Invalid configuration, the application does not start: " + problem);
        return new IllegalArgumentException(problem);
    }
}
