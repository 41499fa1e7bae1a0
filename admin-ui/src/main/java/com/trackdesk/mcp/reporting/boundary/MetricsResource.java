package com.trackdesk.mcp.reporting.boundary;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.control.Rollups;
import com.trackdesk.mcp.reporting.control.AccessQuery;
import com.trackdesk.mcp.reporting.control.CsvFormat;
import com.trackdesk.mcp.reporting.control.InstanceShares;
import com.trackdesk.mcp.reporting.control.JsonExport;
import com.trackdesk.mcp.reporting.control.OperationRanking;
import com.trackdesk.mcp.reporting.control.ProtocolRevisionCounts;
import com.trackdesk.mcp.reporting.control.RecentCallsQuery;
import com.trackdesk.mcp.reporting.control.RecorderStatusReader;
import com.trackdesk.mcp.reporting.control.RollupReader;
import com.trackdesk.mcp.reporting.control.SearchFollowUpQuery;
import com.trackdesk.mcp.reporting.control.SearchQualityQuery;
import com.trackdesk.mcp.reporting.control.SummaryCalculator;
import com.trackdesk.mcp.reporting.control.TenantRanking;
import com.trackdesk.mcp.reporting.control.TimeSeriesBuilder;
import com.trackdesk.mcp.reporting.entity.AccessCounts;
import com.trackdesk.mcp.reporting.entity.FailingOperation;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import com.trackdesk.mcp.reporting.entity.OperationStats;
import com.trackdesk.mcp.reporting.entity.RecentCallsPage;
import com.trackdesk.mcp.reporting.entity.RecordingHealth;
import com.trackdesk.mcp.reporting.entity.SearchFollowUp;
import com.trackdesk.mcp.reporting.entity.SearchQuality;
import com.trackdesk.mcp.reporting.entity.Summary;
import com.trackdesk.mcp.reporting.entity.TenantStats;
import com.trackdesk.mcp.reporting.entity.TimeSeries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The metrics API of the console: {@code /admin/api/metrics/…}, JSON, behind the admin login. */
@Path("metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    private static final Clock CLOCK = Clock.systemUTC();

    @Inject
    RollupReader rollups;

    @Inject
    SearchQualityQuery searchQuality;

    @Inject
    MetricsDatabase database;

    @Inject
    ProtocolRevisionCounts protocolRevisions;

    @Inject
    AccessQuery access;

    @Inject
    RecentCallsQuery recentCalls;

    @Inject
    SearchFollowUpQuery searchFollowUps;

    /** How soon an execute must follow a search from the same client to count as its follow-up. */
    @Inject
    @ConfigProperty(name = "MCP_METRICS_FOLLOW_UP_MINUTES", defaultValue = "10")
    int followUpMinutes;

    @Inject
    InstanceShares instanceShares;

    @GET
    @Path("summary")
    public Summary summary(@BeanParam FilterParameters parameters) {
        MetricsFilter filter = parameters.toFilter(CLOCK);
        return SummaryCalculator.summarize(filter, rollups.operationSlices(filter), rollups.lostCalls(filter));
    }

    @GET
    @Path("timeseries")
    public TimeSeries timeSeries(@BeanParam FilterParameters parameters) {
        MetricsFilter filter = parameters.toFilter(CLOCK);
        return TimeSeriesBuilder.build(filter, rollups.timeSlices(filter));
    }

    @GET
    @Path("operations")
    public List<OperationStats> operations(@BeanParam FilterParameters parameters,
                                           @QueryParam("limit") @DefaultValue("50") int limit) {
        return OperationRanking.mostCalled(rollups.operationSlices(parameters.toFilter(CLOCK)), bounded(limit));
    }

    @GET
    @Path("failures")
    public List<FailingOperation> failures(@BeanParam FilterParameters parameters,
                                           @QueryParam("limit") @DefaultValue("50") int limit) {
        return OperationRanking.failing(rollups.operationSlices(parameters.toFilter(CLOCK)), bounded(limit));
    }

    @GET
    @Path("tenants")
    public List<TenantStats> tenants(@BeanParam FilterParameters parameters,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        return TenantRanking.rank(rollups.tenantSlices(parameters.toFilter(CLOCK)), bounded(limit));
    }

    @GET
    @Path("searches")
    public SearchQuality searches(@BeanParam FilterParameters parameters,
                                  @QueryParam("limit") @DefaultValue("50") int limit) {
        MetricsFilter filter = parameters.toFilter(CLOCK);
        return searchQuality.quality(filter, rollups.operationSlices(filter), bounded(limit));
    }

    /** Calls by how they authenticated (X-Api-Key header / OAuth) and OAuth sign-ins, accepted and failed. */
    @GET
    @Path("access")
    public AccessCounts access(@BeanParam FilterParameters parameters) {
        return access.counts(parameters.toFilter(CLOCK));
    }

    /** Calls per MCP protocol revision (newest first; "unknown" for calls recorded before revisions were). */
    @GET
    @Path("protocol-revisions")
    public List<NamedCount> protocolRevisions(@BeanParam FilterParameters parameters) {
        return protocolRevisions.count(parameters.toFilter(CLOCK));
    }

    /** Did searches lead to an execute of the same client? Which operations were executed right after being found? */
    @GET
    @Path("search-follow-up")
    public SearchFollowUp searchFollowUp(@BeanParam FilterParameters parameters,
                                         @QueryParam("limit") @DefaultValue("20") int limit) {
        return searchFollowUps.followUp(parameters.toFilter(CLOCK), Duration.ofMinutes(Math.max(1, followUpMinutes)),
                bounded(limit));
    }

    /** The recent-calls log, newest first: {@code page} 0 is the newest {@code size} calls. */
    @GET
    @Path("calls")
    public RecentCallsPage calls(@BeanParam FilterParameters parameters,
                                 @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("size") @DefaultValue("25") int size) {
        if (page < 0 || page > 10_000) {
            throw FilterParameters.badRequest("page must be between 0 and 10000");
        }
        return recentCalls.page(parameters.toFilter(CLOCK), page, size);
    }

    /** Calls per server instance (a cluster's instances share the database), busiest first. */
    @GET
    @Path("instances")
    public List<NamedCount> instances(@BeanParam FilterParameters parameters) {
        return instanceShares.byInstance(parameters.toFilter(CLOCK));
    }

    /** Answers even when the database does not: then with the recorders' live counters only. */
    @GET
    @Path("health")
    public RecordingHealth health(@BeanParam FilterParameters parameters) {
        MetricsFilter filter = parameters.toFilter(CLOCK);
        long lostStored = 0;
        boolean available = database.open();
        if (available) {
            lostStored = rollups.lostCalls(filter);
        }
        return new RecordingHealth(available, database.lastFailure(), lostStored, RecorderStatusReader.recorders());
    }

    /** The aggregates as a download: {@code format=csv|json}, {@code resolution=hour|minute}. */
    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@BeanParam FilterParameters parameters,
                           @QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("resolution") @DefaultValue("hour") String resolution) {
        MetricsFilter filter = parameters.toFilter(CLOCK);
        int minutes = switch (resolution) {
            case "hour" -> Rollups.HOUR;
            case "minute" -> Rollups.MINUTE;
            default -> throw FilterParameters.badRequest("resolution must be hour or minute");
        };
        boolean csv = switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw FilterParameters.badRequest("format must be csv or json");
        };
        StreamingOutput body = csv ? output -> writeCsv(output, filter, minutes) : output -> writeJson(output, filter, minutes);
        String name = "trackdesk-metrics-" + resolution + "." + format;
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private void writeCsv(OutputStream output, MetricsFilter filter, int minutes) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        writer.write(CsvFormat.HEADER + "\r\n");
        rollups.exportRows(filter, minutes, row -> {
            try {
                writer.write(CsvFormat.line(row) + "\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    private void writeJson(OutputStream output, MetricsFilter filter, int minutes) {
        try (JsonExport json = new JsonExport(output)) {
            rollups.exportRows(filter, minutes, json::row);
        }
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, 500));
    }
}
