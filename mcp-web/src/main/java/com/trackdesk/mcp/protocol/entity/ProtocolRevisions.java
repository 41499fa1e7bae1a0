package com.trackdesk.mcp.protocol.entity;

import java.util.List;

/**
 * The MCP protocol revisions this server speaks. 2026-07-28 is the "modern" era: every request carries its
 * version in {@code _meta} and there is no handshake. The 2025 revisions are the "legacy" era: a client
 * negotiates one in {@code initialize} and repeats it in the {@code MCP-Protocol-Version} header.
 */
public final class ProtocolRevisions {

    public static final String MODERN = "2026-07-28";

    /** Newest first, the order {@code initialize} negotiates in. */
    public static final List<String> LEGACY = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    /** What we announce in {@code server/discover} and in every "unsupported version" error, newest first. */
    public static final List<String> SUPPORTED = List.of(MODERN, "2025-11-25", "2025-06-18", "2025-03-26");

    /**
     * A legacy request without {@code MCP-Protocol-Version}: the header only exists since 2025-06-18, and the
     * 2026-07-28 transport lets a server take such requests as 2025-03-26.
     */
    public static final String WITHOUT_HEADER = "2025-03-26";

    private ProtocolRevisions() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    public static boolean isLegacy(String version) {
        return LEGACY.contains(version);
    }
}
