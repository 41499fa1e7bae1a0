package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.reporting.entity.ExportRow;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;

/**
 * The JSON download of export rows: one array, written row by row as the rows are read, so an export of
 * millions of rows never sits in memory. Every byte comes from Jackson's generator.
 */
public final class JsonExport implements AutoCloseable {

    /** The output belongs to the web container, which closes it after the last byte. */
    private static final JsonMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JsonGenerator generator;

    public JsonExport(OutputStream out) {
        generator = JSON.createGenerator(out);
        generator.writeStartArray();
    }

    public void row(ExportRow row) {
        generator.writePOJO(row);
    }

    /** Ends the array and flushes it. */
    @Override
    public void close() {
        generator.writeEndArray();
        generator.close();
    }
}
