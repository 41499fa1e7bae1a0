package com.trackdesk.mcp.configuration.entity;

/**
 * The bounds of numeric settings, checked where a setting is read, when the bean that reads it is created
 * at deployment. A value outside them stops the deployment with one message of one form, naming the
 * variable: {@code MCP_UPSTREAM_TIMEOUT_MS must be a positive number of milliseconds, was -5}. (A value that
 * is no number at all is refused earlier, by MicroProfile Config's typed injection, which names it too.)
 */
public final class SettingRules {

    private SettingRules() {
    }

    /** @return the value, when above zero */
    public static long positive(String name, long value, String unit) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive number of " + unit + ", was " + value);
        }
        return value;
    }

    /** @return the value, when zero or above */
    public static long notNegative(String name, long value, String unit) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be zero or a positive number of " + unit + ", was " + value);
        }
        return value;
    }
}
