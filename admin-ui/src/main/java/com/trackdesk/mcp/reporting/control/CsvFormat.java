package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.reporting.entity.ExportRow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV lines (RFC 4180) of export rows. Text cells that a spreadsheet would run as a formula (=, +, -, @)
 * get a leading apostrophe: operation ids come from an API description we do not control.
 */
public final class CsvFormat {

    public static final String HEADER = "period_start,period_minutes,tenant,tool,operation_id,outcome,http_status,"
            + "calls,latency_micros_total,latency_micros_average,response_bytes_total,truncated_calls,"
            + "zero_result_calls,few_result_calls";

    private CsvFormat() {
    }

    public static String line(ExportRow row) {
        return List.of(row.periodStart().toString(), String.valueOf(row.periodMinutes()), text(row.tenant()),
                        text(row.tool()), text(row.operationId()), text(row.outcome()),
                        String.valueOf(row.httpStatus()), String.valueOf(row.calls()),
                        String.valueOf(row.latencyMicrosTotal()), String.valueOf(row.averageLatencyMicros()),
                        String.valueOf(row.responseBytesTotal()), String.valueOf(row.truncatedCalls()),
                        String.valueOf(row.zeroResultCalls()), String.valueOf(row.fewResultCalls()))
                .stream().collect(Collectors.joining(","));
    }

    static String text(String value) {
        String cell = value == null ? "" : value;
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
