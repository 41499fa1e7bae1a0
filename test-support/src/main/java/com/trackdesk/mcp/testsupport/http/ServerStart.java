package com.trackdesk.mcp.testsupport.http;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Waits for a server process a test started to answer as ready; fails early when the process ends. */
public final class ServerStart {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    /** Asks the server once whether it is ready; a connection it refuses is "not yet". */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws IOException, InterruptedException;
    }

    private ServerStart() {
    }

    /**
     * @param name for the failure message, with the log to read
     * @throws IllegalStateException when the process exits or is not ready within the timeout
     */
    public static void await(Process process, String name, Path log, Duration timeout, Probe probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log.toAbsolutePath());
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Http.sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log.toAbsolutePath());
    }
}
