package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.MetricsDatabase;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.reporting.entity.MetricsFilter;
import com.trackdesk.mcp.reporting.entity.NamedCount;
import com.trackdesk.mcp.reporting.entity.SearchFollowUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Follows each search to the next {@code execute} of the same client and tenant. The pairing runs over the
 * call rows in memory (date arithmetic is not portable JPQL); at most {@value #MAX_SEARCHES} searches, the
 * newest, are examined per request, which the answer says.
 */
@ApplicationScoped
public class SearchFollowUpQuery {

    static final int MAX_SEARCHES = 50_000;
    private static final String SEARCH = "search";
    private static final String EXECUTE = "execute";

    private MetricsDatabase database;
    private MetricsOptions options;

    protected SearchFollowUpQuery() {
        // for the CDI proxy
    }

    @Inject
    public SearchFollowUpQuery(MetricsDatabase database, MetricsOptions options) {
        this.database = database;
        this.options = options;
    }

    public SearchFollowUp followUp(MetricsFilter filter, Duration within, int limit) {
        return database.read(em -> {
            Optional<Set<String>> tenants = TenantFilter.labels(em, options, filter.tenant());
            LocalDateTime from = LocalDateTime.ofInstant(filter.since(), ZoneOffset.UTC);
            LocalDateTime to = LocalDateTime.ofInstant(filter.until(), ZoneOffset.UTC);
            List<Call> searches = calls(em, SEARCH, from, to, tenants, MAX_SEARCHES + 1);
            boolean sampled = searches.size() > MAX_SEARCHES;
            if (sampled) {
                searches = searches.subList(0, MAX_SEARCHES);
            }
            LocalDateTime oldest = searches.stream().map(Call::at).min(Comparator.naturalOrder()).orElse(to);
            // executes after the range's last search still count as its follow-up
            Map<String, List<Call>> executesByClient = new HashMap<>();
            for (Call execute : calls(em, EXECUTE, oldest, to.plus(within), tenants, Integer.MAX_VALUE)) {
                executesByClient.computeIfAbsent(execute.clientKey(), key -> new ArrayList<>()).add(execute);
            }
            long followed = 0;
            Map<String, long[]> executedAfterSearch = new HashMap<>();
            for (Call search : searches) {
                Optional<Call> next = nextExecute(search, executesByClient.getOrDefault(search.clientKey(), List.of()), within);
                if (next.isPresent()) {
                    followed++;
                    Call execute = next.get();
                    if (execute.operationId() != null && execute.operationId().equals(search.operationId())) {
                        long[] counts = executedAfterSearch.computeIfAbsent(execute.operationId(), id -> new long[2]);
                        counts[0]++;
                        counts[1] += execute.outcome() == Outcome.OK ? 0 : 1;
                    }
                }
            }
            List<NamedCount> ranking = executedAfterSearch.entrySet().stream()
                    .map(entry -> new NamedCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                    .sorted(Comparator.comparingLong(NamedCount::calls).reversed().thenComparing(NamedCount::name))
                    .limit(limit)
                    .toList();
            return new SearchFollowUp((int) within.toMinutes(), searches.size(), followed, sampled, ranking);
        });
    }

    /** The first execute at or after the search and within the window; executes are sorted oldest first. */
    private static Optional<Call> nextExecute(Call search, List<Call> executes, Duration within) {
        LocalDateTime deadline = search.at().plus(within);
        for (Call execute : executes) {
            if (!execute.at().isBefore(search.at()) && !execute.at().isAfter(deadline)) {
                return Optional.of(execute);
            }
        }
        return Optional.empty();
    }

    private static List<Call> calls(EntityManager em, String tool, LocalDateTime from, LocalDateTime to,
                                    Optional<Set<String>> tenants, int max) {
        TypedQuery<Object[]> query = em.createQuery("SELECT c.calledAt, c.tenant, c.clientRef, c.operationId, c.outcome"
                        + " FROM CallRecord c WHERE c.tool = :tool AND c.clientRef IS NOT NULL"
                        + " AND c.calledAt >= :from AND c.calledAt < :to"
                        + (tenants.isPresent() ? " AND c.tenant IN :tenants" : "")
                        // a refused search (e.g. an empty query) found nothing to follow up
                        + (SEARCH.equals(tool) ? " AND c.outcome = :ok ORDER BY c.calledAt DESC" : " ORDER BY c.calledAt"), Object[].class)
                .setParameter("tool", tool)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(max);
        tenants.ifPresent(labels -> query.setParameter("tenants", labels));
        if (SEARCH.equals(tool)) {
            query.setParameter("ok", Outcome.OK);
        }
        return query.getResultStream()
                .map(row -> new Call((LocalDateTime) row[0], (String) row[1], (String) row[2], (String) row[3], (Outcome) row[4]))
                .toList();
    }

    private record Call(LocalDateTime at, String tenant, String client, String operationId, Outcome outcome) {
        String clientKey() {
            return tenant + '\u0000' + Objects.toString(client, "");
        }
    }
}
