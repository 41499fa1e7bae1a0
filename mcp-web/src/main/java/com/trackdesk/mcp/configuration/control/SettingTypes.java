package com.trackdesk.mcp.configuration.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses the deployment when a setting read as a number or a yes/no switch holds a value of another kind
 * ({@code MCP_CALL_TIMEOUT_SECONDS=soon}, {@code MCP_READ_ONLY=ture}). MicroProfile Config asks the container to
 * do so; Payara 6 instead injects the default silently, so this extension collects every typed
 * {@code @ConfigProperty} of the application and checks each value once, before the application starts.
 * The bounds of a value (positive, at least 2, …) are the owning bean's to check ({@link SettingRules}).
 */
public class SettingTypes implements Extension {

    /** What MicroProfile Config's boolean converter reads, both ways; anything else is a typing error. */
    static final Set<String> SWITCH_WORDS = Set.of("true", "false", "1", "0", "yes", "no", "y", "n", "on", "off");

    private final Map<String, Type> typedSettings = new ConcurrentHashMap<>();

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        ConfigProperty setting = event.getInjectionPoint().getAnnotated().getAnnotation(ConfigProperty.class);
        if (setting != null) {
            typedSettings.put(setting.name(), event.getInjectionPoint().getType());
        }
    }

    /** Config is taken from the container here: an extension runs before any bean it could have injected. */
    void check(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        Config config = beans.createInstance().select(Config.class).get();
        typedSettings.forEach((name, type) -> config.getOptionalValue(name, String.class)
                .flatMap(value -> problem(name, type, value))
                .ifPresent(problem -> validation.addDeploymentProblem(SettingRules.refused(problem))));
    }

    /** @return what is wrong with the value for a setting of this type; empty when it is fine or not checked here */
    static Optional<String> problem(String name, Type type, String value) {
        String word = value.strip();
        if (type == long.class || type == Long.class) {
            return wholeNumber(word, Long.MIN_VALUE, Long.MAX_VALUE) ? Optional.empty()
                    : Optional.of(name + " must be a whole number, was '" + value + "'");
        }
        if (type == int.class || type == Integer.class) {
            return wholeNumber(word, Integer.MIN_VALUE, Integer.MAX_VALUE) ? Optional.empty()
                    : Optional.of(name + " must be a whole number up to " + Integer.MAX_VALUE + ", was '" + value + "'");
        }
        if (type == boolean.class || type == Boolean.class) {
            return SWITCH_WORDS.contains(word.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of(name + " must be true or false, was '" + value + "'");
        }
        return Optional.empty();
    }

    private static boolean wholeNumber(String word, long min, long max) {
        try {
            long number = Long.parseLong(word);
            return number >= min && number <= max;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
