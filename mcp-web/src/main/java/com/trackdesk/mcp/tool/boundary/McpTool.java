package com.trackdesk.mcp.tool.boundary;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;

/**
 * A tool the MCP endpoint serves. The protocol finds every implementation through CDI and knows nothing else
 * about them, so a new tool is one new bean and no protocol class changes.
 */
public interface McpTool {

    /**
     * The tool's definition and handler.
     *
     * @param readOnlyConnection the caller may only read ({@code /mcp/readonly} or a read-only OAuth grant): a
     *                           tool that can change data must say so in its description and refuse such calls
     */
    SyncToolSpecification specification(boolean readOnlyConnection);

    /** Place in {@code tools/list}, lowest first: the list a client sees is the same on every call and instance. */
    int listPosition();
}
