package com.trackdesk.mcp.hardening;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hook really fixes the seed of the properties of the class it is put on: two properties with the same
 * generator, run from the same FUZZ_SEED, see the same values (from random seeds they would not).
 */
@AddLifecycleHook(ReplayableSeed.class)
class ReplayableSeedHookTest {

    static final List<Long> FIRST = new ArrayList<>();
    static final List<Long> SECOND = new ArrayList<>();
    static String seedBefore;

    @BeforeContainer
    static void fixTheSeed() {
        seedBefore = System.getProperty(ReplayableSeed.SEED_SETTING);
        System.setProperty(ReplayableSeed.SEED_SETTING, "-8086");
    }

    @AfterContainer
    static void bothRunsSawTheSameValues() {
        if (seedBefore == null) {
            System.clearProperty(ReplayableSeed.SEED_SETTING);
        } else {
            System.setProperty(ReplayableSeed.SEED_SETTING, seedBefore);
        }
        assertThat(FIRST).hasSize(50).isEqualTo(SECOND);
    }

    @Property(tries = 50)
    void firstRun(@ForAll long value) {
        FIRST.add(value);
    }

    @Property(tries = 50)
    void secondRun(@ForAll long value) {
        SECOND.add(value);
    }
}
