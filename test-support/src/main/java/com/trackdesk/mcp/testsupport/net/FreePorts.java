package com.trackdesk.mcp.testsupport.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers a test starts: the machine is shared, so never a fixed one. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port nothing listened on a moment ago (the operating system's pick); also one that refuses connections. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
