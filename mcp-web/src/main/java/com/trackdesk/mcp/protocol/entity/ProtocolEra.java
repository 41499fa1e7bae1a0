package com.trackdesk.mcp.protocol.entity;

/** Which set of MCP rules a request is served under. */
public enum ProtocolEra {
    /** 2026-07-28: no handshake, version and capabilities in every request's {@code _meta}, mirrored headers. */
    MODERN,
    /** 2025-03-26 to 2025-11-25: {@code initialize} negotiates, the SDK's stateless handler serves. */
    LEGACY
}
