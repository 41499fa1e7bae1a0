package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.execution.entity.CallBudget;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import com.trackdesk.mcp.tool.control.ResultText;
import io.modelcontextprotocol.json.McpJsonMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The control parts of {@code execute} wired by hand as CDI would with the default settings, for tests that run
 * the tool without a container. The upstream is an in-process caller that answers every call alike: the
 * MicroProfile Rest Client behind the real {@link UpstreamCaller} exists only inside the server.
 */
public final class ExecutionParts {

    private ExecutionParts() {
    }

    /** A caller that answers every call with the same upstream response, counting the calls. */
    public static final class ConstantUpstream extends UpstreamCaller {
        private final UpstreamResponse answer;
        public int calls;

        public ConstantUpstream(UpstreamResponse answer) {
            this.answer = answer;
        }

        @Override
        public UpstreamResponse sendIdempotent(UpstreamRequest request, CallBudget budget) {
            return sendOnce(request, budget);
        }

        @Override
        public UpstreamResponse sendOnce(UpstreamRequest request, CallBudget budget) {
            calls++;
            budget.attemptStarted();
            return answer;
        }
    }

    /** The bundled Trackdesk description, as a server without MCP_SPEC serves it. */
    public static OperationResolver operations() {
        OperationResolver operations = new OperationResolver();
        operations.catalog = bundledCatalog();
        return operations;
    }

    public static ArgumentChecker checker() {
        ArgumentChecker checker = new ArgumentChecker();
        checker.schemas = new RequestSchemas();
        return checker;
    }

    /** With the default settings, read from the code's own {@code @ConfigProperty} defaults. */
    public static UpstreamExchange exchange(UpstreamCaller caller) {
        return exchange(caller, Integer.parseInt(defaultOf("MCP_TENANT_CONCURRENCY")),
                Long.parseLong(defaultOf("MCP_TENANT_QUEUE_MS")), Long.parseLong(defaultOf("MCP_MAX_RETRY_AFTER_SECONDS")),
                new CallBudgets(defaultOf(CallBudgets.CALL_TIMEOUT_KEY), defaultOf(CallBudgets.UPSTREAM_TIMEOUT_KEY)));
    }

    /**
     * The default of a setting of the execute controls as its {@code @ConfigProperty} declares it (on a field or a
     * constructor parameter), so that this wiring cannot drift from what a server without settings runs with.
     */
    static String defaultOf(String setting) {
        for (Class<?> type : List.of(CallBudgets.class, TenantConcurrencyLimit.class, UpstreamExchange.class,
                TenantCircuitBreakers.class, AnswerBytes.class, AnswerReader.class)) {
            List<ConfigProperty> declared = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                declared.add(field.getAnnotation(ConfigProperty.class));
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Parameter parameter : constructor.getParameters()) {
                    declared.add(parameter.getAnnotation(ConfigProperty.class));
                }
            }
            for (ConfigProperty property : declared) {
                if (property != null && property.name().equals(setting)) {
                    return property.defaultValue();
                }
            }
        }
        throw new IllegalArgumentException("no @ConfigProperty named " + setting + " in the execute controls");
    }

    /** With the settings a test needs (the breaker keeps its defaults: 5 failures, open for 30 s). */
    static UpstreamExchange exchange(UpstreamCaller caller, int permitsPerTenant, long queueMillis,
                                     long maxRetryAfterSeconds, CallBudgets budgets) {
        UpstreamExchange exchange = new UpstreamExchange();
        exchange.caller = caller;
        exchange.breakers = new TenantCircuitBreakers();
        exchange.breakers.failureThreshold = 5;
        exchange.breakers.openSeconds = 30;
        exchange.concurrency = new TenantConcurrencyLimit();
        exchange.concurrency.permitsPerTenant = permitsPerTenant;
        exchange.concurrency.permitsPerInstance = Integer.parseInt(defaultOf("MCP_INSTANCE_CONCURRENCY"));
        exchange.concurrency.queueMillis = queueMillis;
        exchange.concurrency.budgets = budgets;
        exchange.concurrency.checkSettings();
        exchange.maxRetryAfterSeconds = maxRetryAfterSeconds;
        exchange.budgets = budgets;
        exchange.answerBytes = answerBytes(Long.parseLong(defaultOf("MCP_INSTANCE_ANSWER_BYTES")));
        exchange.checkSettings();
        return exchange;
    }

    /** Room for {@code bound} bytes of answers, all calls together. */
    static AnswerBytes answerBytes(long bound) {
        AnswerBytes room = new AnswerBytes();
        room.boundBytes = bound;
        room.checkSettings();
        return room;
    }

    public static ResultComposer results(McpJsonMapper json) {
        ResultText renderer = new ResultText();
        inject(renderer, "json", json);
        ResponseShaper shaper = new ResponseShaper();
        shaper.renderer = renderer;
        shaper.maxChars = 20_000;
        ResultComposer results = new ResultComposer();
        results.json = json;
        results.shaper = shaper;
        results.renderer = renderer;
        return results;
    }

    /** Without a MicroProfile Config the catalog serves the bundled description (no MCP_SPEC). */
    private static Catalog bundledCatalog() {
        return new Catalog();
    }

    /** What CDI would inject into a field of a class of another package. */
    private static void inject(Object bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
