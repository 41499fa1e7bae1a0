package com.trackdesk.mcp.hardening;

import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.util.Map;
import java.util.Optional;

/**
 * Fuzzing whose failures can be replayed. Under {@code CI=true} every property runs from one fixed seed, so a
 * CI run that fails fails again on a laptop with the same seed; elsewhere each run draws a new seed and explores
 * more. {@code FUZZ_SEED} (environment or system property) picks the seed anywhere. Every property prints the
 * seed it ran with and how to replay it.
 */
public class ReplayableSeed implements AroundPropertyHook {

    static final String SEED_SETTING = "FUZZ_SEED";
    /** Any fixed number will do; changing it makes CI explore other inputs (once, on purpose). */
    static final String CI_SEED = "7052026";

    /** Registered on a class, it must reach that class's properties: by default a hook stays where it is put. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Optional<String> fixed = seedFor(System.getenv(), System.getProperty(SEED_SETTING));
        fixed.ifPresent(seed -> {
            context.attributes().setSeed(seed);
            context.attributes().setWhenFixedSeed(FixedSeedMode.ALLOW);
        });
        PropertyExecutionResult result = property.execute();
        String seed = result.seed().or(() -> fixed).orElse("(none: no values were generated)");
        System.out.println("[" + context.containerClass().getSimpleName() + "] " + context.extendedLabel() + ": "
                + result.status() + " with seed " + seed + "; replay with " + SEED_SETTING + "=" + seed);
        return result;
    }

    /** The seed to fix, if any: an explicit FUZZ_SEED first, then the CI seed when CI=true; otherwise jqwik's own. */
    static Optional<String> seedFor(Map<String, String> environment, String systemProperty) {
        Optional<String> explicit = Optional.ofNullable(systemProperty)
                .or(() -> Optional.ofNullable(environment.get(SEED_SETTING)))
                .map(String::strip).filter(seed -> !seed.isEmpty());
        if (explicit.isPresent()) {
            return explicit;
        }
        return "true".equalsIgnoreCase(environment.getOrDefault("CI", "").strip()) ? Optional.of(CI_SEED) : Optional.empty();
    }
}
