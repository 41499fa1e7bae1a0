package com.trackdesk.mcp.hardening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many MCP clients against one server for a fixed time, on loopback only: each client initializes, then
 * loops over tools/list, search and execute (as an assistant would), with a short think time. Counts
 * every answer that is not HTTP 200 with a successful JSON-RPC result as an error, records latencies, and
 * samples the server's live threads and heap after a full GC (jcmd) after the warm-up and at the end.
 *
 * <p>Plain JDK, one file: runs inside the integration tests ({@link LoadSmokeIT}) and stand-alone with
 * the source launcher ({@code bench/load/run.sh}): {@code java LoadDriver.java --mcp URL --clients 200 ...}.
 * Every loop is bounded by the deadline; requests have a 30 s timeout.
 */
public final class LoadDriver {

    /**
     * What to run. {@code tenants} Host labels {@code <prefix>0..n-1} share the clients round robin. After the run
     * the server's threads outside its HTTP worker pool are given time to wind down to {@code threadSlack} above
     * their count before it.
     */
    public record Config(URI mcp, int clients, Duration duration, Duration warmup, int tenants, String tenantPrefix,
                         String domain, Duration thinkTime, long serverPid, long threadSlack) {
    }

    /**
     * How long finished calls and idle keep-alive connections may take to release their threads: the JDK HTTP
     * client of the upstream calls ends an idle worker thread 60 s after its last task.
     */
    static final Duration THREAD_SETTLING = Duration.ofSeconds(90);

    /**
     * Names of the threads of Payara's HTTP worker pool. Grizzly starts a worker whenever a request finds none
     * idle, so on a busy machine a burst of 50 clients can grow it by 140 threads in a second; it keeps them for
     * 15 minutes, and never more than {@link #WORKER_POOL_MAX}. A pool that has reached its working size is not a
     * leak, so it is counted apart: whether a test ran before this one and grew it decided whether the same run
     * passed or failed.
     */
    static final String WORKER_POOL = "http-thread-pool::";

    /** The {@code max-thread-pool-size} of Payara Micro's {@code http-thread-pool} (its default, not changed by us). */
    static final long WORKER_POOL_MAX = 200;

    /**
     * What happened. Latencies in milliseconds; heap in KiB after a full GC; -1 when not sampled. Threads before
     * and after count those outside the {@link #WORKER_POOL}; {@code threadGrowth} names the ones that grew;
     * {@code threadSamples} are all live threads during the run.
     */
    public record Result(long requests, long errors, Map<String, Long> errorKinds, double seconds, double p50, double p90,
                         double p99, double max, long threadsBefore, long threadsAfter, long workersAfter,
                         Map<String, Long> threadGrowth, long heapBeforeKiB, long heapAfterKiB, List<Long> threadSamples,
                         long classesBefore, long classesAfter) {
        public double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("requests=%d errors=%d %s throughput=%.1f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms "
                            + "threads outside the worker pool before=%d after=%d, grown %s, workers after=%d, "
                            + "all live threads during the run %s heapAfterGC before=%dKiB after=%dKiB "
                            + "classes loaded before=%d after=%d",
                    requests, errors, errorKinds, throughput(), p50, p90, p99, max, threadsBefore, threadsAfter,
                    threadGrowth, workersAfter, threadSamples, heapBeforeKiB, heapAfterKiB, classesBefore, classesAfter);
        }
    }

    /** GC.heap_info of G1: one line for the whole heap. */
    private static final Pattern WHOLE_HEAP = Pattern.compile("heap\\s+total (?:reserved )?\\d+K, (?:committed \\d+K, )?used (\\d+)K");
    /** GC.heap_info of the serial and parallel collectors: one line per generation. */
    private static final Pattern GENERATION = Pattern.compile(
            "(?m)^\\s*(?:DefNew|Tenured|def new generation|tenured generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");
    private static final String[] SEARCHES = {"newest affiliates", "list tags", "approved conversions last week",
            "create a coupon", "payouts", "offers", "conversion report by country", "tiers"};

    private final Config config;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    private final AtomicLong errors = new AtomicLong();

    public LoadDriver(Config config) {
        this.config = config;
    }

    public Result run() throws InterruptedException {
        long warmupEnd = System.nanoTime() + config.warmup().toNanos();
        phase(warmupEnd, null);
        errors.set(0);
        errorKinds.clear();
        Map<String, Long> threadsAtStart = config.serverPid() > 0 ? threadsByName(config.serverPid()) : Map.of();
        long threadsBefore = config.serverPid() > 0 ? outsideWorkerPool(threadsAtStart) : -1;
        long heapBefore = config.serverPid() > 0 ? heapAfterGcKiB(config.serverPid()) : -1;
        long classesBefore = config.serverPid() > 0 ? loadedClasses(config.serverPid()) : -1;
        List<Long> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + config.duration().toNanos();
        List<long[]> latencies = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            while (System.nanoTime() < end - 1_000_000_000L && config.serverPid() > 0) {
                sleep(Math.max(1_000, config.duration().toMillis() / 10));
                synchronized (samples) {
                    samples.add(liveThreads(config.serverPid()));
                }
            }
        }, "load-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
        phase(end, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.join(5_000);
        Map<String, Long> threadsAtEnd = config.serverPid() > 0
                ? threadsOnceSettled(config.serverPid(), threadsBefore + config.threadSlack()) : Map.of();
        long threadsAfter = config.serverPid() > 0 ? outsideWorkerPool(threadsAtEnd) : -1;
        long workersAfter = config.serverPid() > 0 ? threadsAtEnd.getOrDefault(WORKER_POOL, 0L) : -1;
        Map<String, Long> threadGrowth = new TreeMap<>();
        threadsAtEnd.forEach((name, count) -> {
            long grown = count - threadsAtStart.getOrDefault(name, 0L);
            if (grown > 0) {
                threadGrowth.put(name, grown);
            }
        });
        long heapAfter = config.serverPid() > 0 ? heapAfterGcKiB(config.serverPid()) : -1;
        long classesAfter = config.serverPid() > 0 ? loadedClasses(config.serverPid()) : -1;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        Map<String, Long> kinds = new LinkedHashMap<>();
        errorKinds.forEach((k, v) -> kinds.put(k, v.get()));
        synchronized (samples) {
            return new Result(all.length + errors.get(), errors.get(), kinds, seconds, percentile(all, 50), percentile(all, 90),
                    percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1000.0, threadsBefore, threadsAfter,
                    workersAfter, threadGrowth, heapBefore, heapAfter, List.copyOf(samples), classesBefore, classesAfter);
        }
    }

    private void phase(long deadline, List<long[]> latencies) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(config.clients());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < config.clients(); c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    long[] mine = client(client, deadline);
                    if (latencies != null) {
                        synchronized (latencies) {
                            latencies.add(mine);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long waitMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000) + 60_000;
        if (!done.await(waitMillis, TimeUnit.MILLISECONDS)) {
            threads.forEach(Thread::interrupt);
            throw new IllegalStateException("clients did not finish 60 s after the deadline");
        }
    }

    private long[] client(int client, long deadline) {
        String host = config.tenantPrefix() + (client % config.tenants()) + "." + config.domain();
        String key = "load-key-" + client + "-0123456789";
        long[] latencies = new long[1 << 16];
        int n = 0;
        int id = 0;
        call(host, key, ++id, "initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"load\",\"version\":\"1\"}}");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            int pick = random.nextInt(100);
            String method;
            String params;
            if (pick < 10) {
                method = "tools/list";
                params = "{}";
            } else if (pick < 45) {
                method = "tools/call";
                params = "{\"name\":\"search\",\"arguments\":{\"query\":\"" + SEARCHES[random.nextInt(SEARCHES.length)] + "\",\"limit\":5}}";
            } else if (pick < 75) {
                method = "tools/call";
                params = "{\"name\":\"execute\",\"arguments\":{\"operationId\":\"TagsService_ListTags\"}}";
            } else {
                method = "tools/call";
                params = "{\"name\":\"execute\",\"arguments\":{\"operationId\":\"AffiliateService_ListAffiliates\","
                        + "\"body\":{\"pagination\":{\"limit\":5}},\"fields\":[\"affiliates.id\"]}}";
            }
            long micros = call(host, key, ++id, method, params);
            if (micros > 0 && n < latencies.length) {
                latencies[n++] = micros;
            }
            long think = config.thinkTime().toMillis();
            if (think > 0) {
                sleep(random.nextLong(think / 2, think * 3 / 2 + 1));
            }
        }
        return Arrays.copyOf(latencies, n);
    }

    /** One call; its latency in microseconds, or -1 when it failed (counted). */
    private long call(String host, String key, int id, String method, String params) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpRequest request = HttpRequest.newBuilder(config.mcp()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Host", host).header("X-Api-Key", key).header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = Math.max(1, (System.nanoTime() - start) / 1_000);
            String text = response.body();
            if (response.statusCode() != 200) {
                return failed("HTTP " + response.statusCode());
            }
            if (text.contains("\"error\":{")) {
                return failed("JSON-RPC error");
            }
            if (text.contains("\"isError\":true")) {
                Matcher m = Pattern.compile("\"text\":\"(.{0,60})").matcher(text);
                return failed("tool error: " + (m.find() ? m.group(1) : "?"));
            }
            return micros;
        } catch (java.io.IOException e) {
            return failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private long failed(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        return -1;
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(120, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * Live threads by name with the digits taken out ("hz.#.cached.thread-#"), so the threads of one pool count
     * together; the HTTP worker pool's threads count under {@link #WORKER_POOL}.
     */
    static Map<String, Long> threadsByName(long pid) {
        Map<String, Long> pools = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\"([^\"]*)\"").matcher(jcmd(pid, "Thread.print"));
        while (m.find()) {
            String name = m.group(1).startsWith(WORKER_POOL) ? WORKER_POOL : m.group(1).replaceAll("\\d+", "#");
            pools.merge(name, 1L, Long::sum);
        }
        return pools;
    }

    static long outsideWorkerPool(Map<String, Long> threadsByName) {
        return threadsByName.entrySet().stream().filter(e -> !e.getKey().equals(WORKER_POOL))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static long liveThreads(long pid) {
        Matcher m = Pattern.compile("java\\.threads\\.live=(\\d+)").matcher(jcmd(pid, "PerfCounter.print"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * Polls the threads until those outside the worker pool are down to the bound, or the settling time is over;
     * the last count by name.
     */
    static Map<String, Long> threadsOnceSettled(long pid, long bound) {
        long deadline = System.nanoTime() + THREAD_SETTLING.toNanos();
        Map<String, Long> threads = threadsByName(pid);
        while (outsideWorkerPool(threads) > bound && System.nanoTime() < deadline) {
            sleep(500);
            threads = threadsByName(pid);
        }
        return threads;
    }

    /** Classes the JVM has loaded so far (unloaded ones included): grows for good when calls make classes. */
    static long loadedClasses(long pid) {
        Matcher m = Pattern.compile("java\\.cls\\.loadedClasses=(\\d+)").matcher(jcmd(pid, "PerfCounter.print"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * Heap in use right after a full GC. G1 prints one line for the whole heap (JDK 17 "heap total 389120K, used
     * 16021K", JDK 21+ "heap total reserved 524288K, committed 389120K, used 10486K"); the serial and parallel
     * collectors print one line per generation ("DefNew total 116160K, used 31021K" and "Tenured total …",
     * "PSYoungGen …" and "ParOldGen …"), which are added up. Other wordings (ZGC's) give -1: not sampled.
     */
    static long heapAfterGcKiB(long pid) {
        jcmd(pid, "GC.run");
        return heapUsedKiB(jcmd(pid, "GC.heap_info"));
    }

    static long heapUsedKiB(String heapInfo) {
        Matcher whole = WHOLE_HEAP.matcher(heapInfo);
        if (whole.find()) {
            return Long.parseLong(whole.group(1));
        }
        long used = -1;
        for (Matcher generation = GENERATION.matcher(heapInfo); generation.find(); ) {
            used = Math.max(used, 0) + Long.parseLong(generation.group(1));
        }
        return used;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stand-alone: {@code --mcp URL --clients N --seconds S --warmup-seconds W --tenants T --tenant-prefix P
     * --domain D --think-ms M --pid PID --max-p99-ms X --report FILE}. Exit code 0 when there were no errors,
     * p99 stayed under the bound and threads and heap did not grow beyond the slack.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI mcp = URI.create(a.getOrDefault("mcp", "http://127.0.0.1:8080/mcp"));
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(mcp.getHost())) {
            throw new IllegalArgumentException("load runs against loopback only, not " + mcp.getHost());
        }
        Config config = new Config(mcp, Integer.parseInt(a.getOrDefault("clients", "200")),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("seconds", "300"))),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup-seconds", "30"))),
                Integer.parseInt(a.getOrDefault("tenants", "20")), a.getOrDefault("tenant-prefix", "load"),
                a.getOrDefault("domain", "trackdesk.com"), Duration.ofMillis(Long.parseLong(a.getOrDefault("think-ms", "50"))),
                Long.parseLong(a.getOrDefault("pid", "-1")), Long.parseLong(a.getOrDefault("thread-slack", "10")));
        double maxP99 = Double.parseDouble(a.getOrDefault("max-p99-ms", "2000"));
        long threadSlack = config.threadSlack();
        long heapSlackKiB = Long.parseLong(a.getOrDefault("heap-slack-mib", "64")) * 1024;
        System.out.println("load: " + config);
        Result result = new LoadDriver(config).run();
        List<String> problems = new ArrayList<>();
        if (result.errors() > 0) {
            problems.add(result.errors() + " errors");
        }
        if (result.p99() > maxP99) {
            problems.add("p99 " + result.p99() + " ms > " + maxP99 + " ms");
        }
        if (config.serverPid() > 0 && (result.threadsBefore() <= 0 || result.threadsAfter() <= 0
                || result.heapBeforeKiB() <= 0 || result.heapAfterKiB() <= 0)) {
            problems.add("the server's threads or heap could not be sampled (jcmd " + config.serverPid() + ")");
        }
        if (result.threadsBefore() > 0 && result.threadsAfter() > result.threadsBefore() + threadSlack) {
            problems.add("threads outside the worker pool grew " + result.threadsBefore() + " -> " + result.threadsAfter()
                    + " " + result.threadGrowth());
        }
        if (result.workersAfter() > WORKER_POOL_MAX) {
            problems.add(result.workersAfter() + " HTTP workers, more than the pool's maximum " + WORKER_POOL_MAX);
        }
        if (result.heapBeforeKiB() > 0 && result.heapAfterKiB() > result.heapBeforeKiB() + heapSlackKiB) {
            problems.add("heap after GC grew " + result.heapBeforeKiB() + " -> " + result.heapAfterKiB() + " KiB");
        }
        String report = "load result: " + result + "\nverdict: " + (problems.isEmpty() ? "PASS" : "FAIL " + problems);
        System.out.println(report);
        if (a.containsKey("report")) {
            Files.writeString(Path.of(a.get("report")), report + "\n");
        }
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
