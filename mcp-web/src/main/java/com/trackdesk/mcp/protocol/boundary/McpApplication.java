package com.trackdesk.mcp.protocol.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS root: the MCP endpoint lives at {@code /mcp} of this web module. */
@ApplicationPath("/")
public class McpApplication extends Application {
}
