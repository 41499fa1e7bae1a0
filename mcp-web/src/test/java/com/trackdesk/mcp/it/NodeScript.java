package com.trackdesk.mcp.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs one of the end-to-end Node programs (real MCP clients) and hands back what it printed. */
final class NodeScript {

    private NodeScript() {
    }

    /** Fails the test, showing the output, when the program runs past 3 minutes or exits with an error. */
    static String run(Path directory, List<String> command) throws Exception {
        Path log = Files.createTempFile("node", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("finished in time: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
