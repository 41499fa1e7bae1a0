package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The MCP SDK's JSON mapper (Jackson 3), shared so that every part reads and writes JSON the same way. */
@ApplicationScoped
public class JsonMapperProducer {

    @Produces
    @ApplicationScoped
    McpJsonMapper mapper() {
        return McpJsonDefaults.getMapper();
    }
}
