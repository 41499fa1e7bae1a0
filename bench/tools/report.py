#!/usr/bin/env python3
"""Turns a results folder of bench/run.sh into CSV/JSON, PNG charts (gnuplot) and the Markdown report.

    report.py RESULTS_DIR [--markdown BENCHMARKS.md]

Reads RESULTS_DIR/results.jsonl (one record per line, written by run.sh through record.py) and writes
summary.csv, soak.csv, results.json, chart.png, soak.png (with a soak), report.md, and the same report to
--markdown (the repository's BENCHMARKS.md). bench/benchmarks-notes.md, written by people, is included
verbatim as the interpretation section; its "Profile (issue 17 …)" section goes with the issue-17 before/after
tables (this run against the committed run BASELINE_RUN).
"""
import csv
import json
import os
import subprocess
import sys

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH_DIR)

TARGETS = {
    "direct": "direct: upstream itself (wrk)",
    "ours-execute": "ours: execute via MCP (wrk)",
    "ours-search": "ours: search via MCP (wrk)",
    "peer-execute": "peer: ListAffiliates tool (node client)",
    "ours-execute-node": "ours: execute via MCP (node client)",
}

# targets of issue #9
T_STARTUP_MS = 10_000
T_RSS_MB = 400
T_ADDED_P50_MS = 2.0
T_ADDED_P99_MS = 10.0
T_EXECUTE_RPS = 2_000
T_SEARCH_RPS = 5_000
T_SEARCH_P99_MS = 5.0
# targets of issue 17 (server CPU per call, measured by the same steps; search is lexical there: no embedding model)
T_EXECUTE_CPU_MS = 0.25
T_SEARCH_CPU_MS = 0.3
# the committed run the issue-17 figures are compared with ("before"): the last full run before its per-call fixes
BASELINE_RUN = "2026-11-26_004857"
# the section of bench/benchmarks-notes.md shown with the before/after tables rather than with the other notes
PROFILE_HEADING = "## Profile (issue 17"


def load(results_dir):
    records = []
    with open(os.path.join(results_dir, "results.jsonl"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                records.append(json.loads(line))
    return records


def errors_of(r):
    return r["bad_answers"] + sum(r["socket_errors"].values())


def row_of(rec):
    r = rec["result"]
    lat = r["latency_us"]
    secs = r["duration_us"] / 1e6 if r["duration_us"] else rec["seconds"]
    return {
        "target": rec["target"], "client": rec["client"], "concurrency": rec["concurrency"],
        "seconds": round(secs, 2), "requests": r["requests"], "rps": round(r["requests"] / secs, 1) if secs else 0,
        "p50_ms": lat["p50"] / 1000, "p90_ms": lat["p90"] / 1000, "p95_ms": lat["p95"] / 1000,
        "p99_ms": lat["p99"] / 1000, "p999_ms": lat["p999"] / 1000, "max_ms": lat["max"] / 1000,
        "mean_ms": round(lat["mean"] / 1000, 3), "errors": errors_of(r),
        "socket_errors": sum(r["socket_errors"].values()), "bad_answers": r["bad_answers"],
        "rpc_errors": r["bad"]["rpc_error"], "tool_errors": r["bad"]["tool_error"], "status_errors": r["bad"]["status"],
        "server_cpu_ms": rec.get("server_cpu_ms"),
        "server_cpu_ms_per_call": round(rec["server_cpu_ms"] / r["requests"], 3)
        if isinstance(rec.get("server_cpu_ms"), int) and r["requests"] else None,
        "upstream_conns": rec.get("upstream_connections_opened"),
        "upstream_conns_per_call": round(rec["upstream_connections_opened"] / r["requests"], 3)
        if isinstance(rec.get("upstream_connections_opened"), int) and r["requests"] else None,
    }


def fmt(x, digits=2):
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    return f"{x:,}" if isinstance(x, int) else str(x)


def verdict(ok):
    return "✅ met" if ok else "❌ missed"


def table(headers, rows, left=False):
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if i and not left else "---" for i in range(len(headers))) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def write_csv(path, rows, fields):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k) for k in fields})


def charts(results_dir, rows, soak_rows):
    made = []
    series = [t for t in TARGETS if any(r["target"] == t for r in rows)]
    for t in series:
        with open(os.path.join(results_dir, f"plot-{t}.dat"), "w", encoding="utf-8") as f:
            f.write("# concurrency rps p50_ms p99_ms\n")
            for r in sorted((r for r in rows if r["target"] == t), key=lambda r: r["concurrency"]):
                f.write(f"{r['concurrency']} {r['rps']} {max(r['p50_ms'], 0.001)} {max(r['p99_ms'], 0.001)}\n")
    if series:
        styles = {"direct": "lc rgb '#555555' dt 2", "ours-execute": "lc rgb '#1f77b4'", "ours-search": "lc rgb '#2ca02c'",
                  "peer-execute": "lc rgb '#d62728'", "ours-execute-node": "lc rgb '#1f77b4' dt 3"}
        def plot(col):
            return ", ".join(f"'plot-{t}.dat' using 1:{col} with linespoints lw 2 pt 7 {styles[t]} title '{TARGETS[t]}'"
                             for t in series)
        gp = f"""
set terminal pngcairo size 1500,560 font ',10' noenhanced
set output 'chart.png'
set multiplot layout 1,3 title 'Trackdesk MCP benchmark — {os.path.basename(results_dir)}'
set logscale x 2
set xrange [0.8:330]
set xtics (1, 4, 16, 64, 256)
set xlabel 'concurrent connections'
set grid
set logscale y
set key bottom right font ',8' opaque box
set title 'p50 latency (ms)'
plot {plot(3)}
unset key
set title 'p99 latency (ms)'
plot {plot(4)}
set title 'throughput (requests/s)'
plot {plot(2)}
unset multiplot
"""
        if run_gnuplot(results_dir, gp):
            made.append("chart.png")
    if soak_rows:
        with open(os.path.join(results_dir, "plot-soak.dat"), "w", encoding="utf-8") as f:
            f.write("# t_s heap_after_gc_mb rss_mb rps\n")
            for s in soak_rows:
                f.write(f"{s['t_s']} {s['heap_after_gc_mb'] or 0} {s['rss_mb']} {s['rps'] if s['rps'] is not None else 'NaN'}\n")
        gp = f"""
set terminal pngcairo size 1000,420 font ',10' noenhanced
set output 'soak.png'
set title 'Soak — heap after full GC, RSS (MB) and throughput'
set xlabel 'seconds'
set ylabel 'MB'
set y2label 'requests/s'
set y2tics
set ytics nomirror
set yrange [0:*]
set y2range [0:*]
set grid
set key bottom right
plot 'plot-soak.dat' using 1:2 with linespoints lw 2 pt 7 title 'heap after GC (MB)', \\
     'plot-soak.dat' using 1:3 with linespoints lw 2 pt 5 title 'RSS (MB)', \\
     'plot-soak.dat' using 1:4 axes x1y2 with linespoints lw 1 pt 1 dt 2 title 'req/s (right axis)'
"""
        if run_gnuplot(results_dir, gp):
            made.append("soak.png")
    return made


def run_gnuplot(results_dir, script):
    try:
        r = subprocess.run(["gnuplot"], input=script, text=True, cwd=results_dir, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        print(f"gnuplot failed: {e}", file=sys.stderr)
        return False
    if r.returncode != 0:
        print(f"gnuplot failed: {r.stderr.strip()[:500]}", file=sys.stderr)
        return False
    return True


def soak_series(records):
    out = []
    for s in (r for r in records if r["kind"] == "soak_sample"):
        res = s.get("result") if isinstance(s.get("result"), dict) else None
        rps = errors = p99 = None
        if res:
            secs = res["duration_us"] / 1e6
            rps = round(res["requests"] / secs, 1) if secs else 0
            errors = errors_of(res)
            p99 = res["latency_us"]["p99"] / 1000
        heap = s.get("heap_after_gc_kb")
        out.append({"t_s": s["t_s"], "heap_after_gc_mb": round(heap / 1024, 1) if isinstance(heap, (int, float)) else None,
                    "metaspace_mb": round(s["metaspace_kb"] / 1024, 1) if isinstance(s.get("metaspace_kb"), (int, float)) else None,
                    "rss_mb": round(s["rss_kb"] / 1024, 1), "rps": rps, "p99_ms": p99, "errors": errors})
    return out


def slope_per_10min(points):
    pts = [(t, v) for t, v in points if v is not None]
    if len(pts) < 3:
        return None
    n = len(pts)
    mt = sum(t for t, _ in pts) / n
    mv = sum(v for _, v in pts) / n
    den = sum((t - mt) ** 2 for t, _ in pts)
    return (sum((t - mt) * (v - mv) for t, v in pts) / den) * 600 if den else None


def main():
    results_dir = os.path.abspath(sys.argv[1])
    markdown_path = None
    if "--markdown" in sys.argv:
        markdown_path = sys.argv[sys.argv.index("--markdown") + 1]
    records = load(results_dir)
    machine = next((r for r in records if r["kind"] == "machine"), {})
    upstream = next((r for r in records if r["kind"] == "upstream"), {})
    startups = {r["target"]: r for r in records if r["kind"] == "startup"}
    after = next((r for r in records if r["kind"] == "after_load"), {})
    loads = [r for r in records if r["kind"] == "load" and r.get("phase") == "measure" and isinstance(r.get("result"), dict)]
    failed = [r for r in records if r["kind"] == "load" and r.get("failed")]
    rows = [row_of(r) for r in loads]
    by = {(r["target"], r["concurrency"]): r for r in rows}
    concs = sorted({r["concurrency"] for r in rows})
    soak = soak_series(records)

    fields = ["target", "client", "concurrency", "seconds", "requests", "rps", "p50_ms", "p90_ms", "p95_ms", "p99_ms",
              "p999_ms", "max_ms", "mean_ms", "errors", "socket_errors", "bad_answers", "rpc_errors", "tool_errors", "status_errors",
              "server_cpu_ms", "server_cpu_ms_per_call", "upstream_conns", "upstream_conns_per_call"]
    write_csv(os.path.join(results_dir, "summary.csv"), rows, fields)
    if soak:
        write_csv(os.path.join(results_dir, "soak.csv"), soak, list(soak[0].keys()))

    # ------------------------------------------------------------ comparisons and targets
    comparison = []
    for c in concs:
        d, m = by.get(("direct", c)), by.get(("ours-execute", c))
        if d and m:
            comparison.append({"concurrency": c, "direct_rps": d["rps"], "mcp_rps": m["rps"],
                               "rps_ratio": round(m["rps"] / d["rps"], 4) if d["rps"] else None,
                               "direct_p50_ms": d["p50_ms"], "mcp_p50_ms": m["p50_ms"], "added_p50_ms": round(m["p50_ms"] - d["p50_ms"], 3),
                               "direct_p99_ms": d["p99_ms"], "mcp_p99_ms": m["p99_ms"], "added_p99_ms": round(m["p99_ms"] - d["p99_ms"], 3),
                               "p50_ratio": round(m["p50_ms"] / d["p50_ms"], 1) if d["p50_ms"] else None,
                               "mcp_errors": m["errors"], "mcp_upstream_conns_per_call": m["upstream_conns_per_call"],
                               "mcp_cpu_ms_per_call": m["server_cpu_ms_per_call"], "direct_cpu_ms_per_call": d["server_cpu_ms_per_call"]})
    peer_cmp = []
    for c in concs:
        p, o = by.get(("peer-execute", c)), by.get(("ours-execute-node", c))
        if p or o:
            peer_cmp.append({"concurrency": c, "peer": p, "ours": o})

    targets = []
    ours_start = startups.get("ours")
    if ours_start:
        targets.append(("startup to first tools/list < 10 s", f"{ours_start['startup_ms'] / 1000:.1f} s",
                        ours_start["startup_ms"] < T_STARTUP_MS))
        targets.append(("RSS after start < 400 MB", f"{ours_start['rss_kb'] / 1024:.0f} MB", ours_start["rss_kb"] / 1024 < T_RSS_MB))
    c64 = next((x for x in comparison if x["concurrency"] == 64), None)
    if c64:
        targets.append(("added latency p50 ≤ 2 ms at 64 concurrent", f"{c64['added_p50_ms']:.2f} ms", c64["added_p50_ms"] <= T_ADDED_P50_MS))
        targets.append(("added latency p99 ≤ 10 ms at 64 concurrent", f"{c64['added_p99_ms']:.2f} ms", c64["added_p99_ms"] <= T_ADDED_P99_MS))
    ex = [r for r in rows if r["target"] == "ours-execute"]
    if ex:
        best = max(ex, key=lambda r: r["rps"])
        targets.append(("≥ 2,000 execute calls/s", f"{best['rps']:,.0f}/s (best, at {best['concurrency']})", best["rps"] >= T_EXECUTE_RPS))
    se = [r for r in rows if r["target"] == "ours-search"]
    if se:
        best = max(se, key=lambda r: r["rps"])
        targets.append(("search ≥ 5,000/s", f"{best['rps']:,.0f}/s (best, at {best['concurrency']})", best["rps"] >= T_SEARCH_RPS))
        s16 = by.get(("ours-search", 16)) or min(se, key=lambda r: r["concurrency"])
        targets.append((f"search p99 ≤ 5 ms (at {s16['concurrency']} concurrent)", f"{s16['p99_ms']:.2f} ms", s16["p99_ms"] <= T_SEARCH_P99_MS))
    for target, name, bound in (("ours-execute", "execute", T_EXECUTE_CPU_MS), ("ours-search", "search", T_SEARCH_CPU_MS)):
        step = cpu_step(rows, target)
        if step:
            targets.append((f"{name}: server CPU per call ≤ {bound} ms (at {step['concurrency']} concurrent; issue 17)",
                            f"{step['server_cpu_ms_per_call']:.3f} ms", step["server_cpu_ms_per_call"] <= bound))
    ours_rows = [r for r in rows if r["target"].startswith("ours")]
    if ours_rows:
        errs = sum(r["errors"] for r in ours_rows)
        targets.append(("no errors (all MCP steps)", f"{errs:,} errors in {sum(r['requests'] for r in ours_rows):,} calls", errs == 0 and not failed))
    soak_verdict = None
    if len(soak) >= 3:
        base = soak[1]  # after the first interval: JIT and caches warm
        last = soak[-1]
        heap_growth = (last["heap_after_gc_mb"] or 0) - (base["heap_after_gc_mb"] or 0)
        rss_growth = last["rss_mb"] - base["rss_mb"]
        heap_slope = slope_per_10min([(s["t_s"], s["heap_after_gc_mb"]) for s in soak[1:]])
        ok = heap_growth <= max(10.0, 0.1 * (base["heap_after_gc_mb"] or 0)) and rss_growth <= 0.1 * base["rss_mb"]
        soak_errors = sum(s["errors"] or 0 for s in soak)
        soak_verdict = {"heap_growth_mb": round(heap_growth, 1), "rss_growth_mb": round(rss_growth, 1),
                        "heap_slope_mb_per_10min": round(heap_slope, 2) if heap_slope is not None else None,
                        "flat": ok, "errors": soak_errors}
        targets.append((f"soak: memory flat ({machine.get('soak_seconds')} s at {machine.get('soak_concurrency')})",
                        f"heap after GC {heap_growth:+.1f} MB, RSS {rss_growth:+.1f} MB from t={base['t_s']} s; {soak_errors} errors",
                        ok and soak_errors == 0))

    made = charts(results_dir, rows, soak)
    summary = {"machine": machine, "upstream": upstream, "startup": startups, "after_load": after, "rows": rows,
               "direct_vs_mcp": comparison, "peer_vs_ours": [{"concurrency": x["concurrency"], "peer": x["peer"], "ours": x["ours"]} for x in peer_cmp],
               "soak": soak, "soak_verdict": soak_verdict, "failed_steps": failed,
               "targets": [{"target": t, "measured": m, "met": ok} for t, m, ok in targets]}
    jfr = {}
    for name in ("ours-execute", "ours-search"):
        for f in sorted(os.listdir(results_dir)):
            if f.startswith(f"jfr-{name}-c") and f.endswith(".json"):
                with open(os.path.join(results_dir, f), encoding="utf-8") as fh:
                    jfr[f[4:-5]] = json.load(fh)
    summary["jfr"] = jfr
    with open(os.path.join(results_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)

    md = render(results_dir, machine, upstream, startups, after, rows, by, concs, comparison, peer_cmp, targets, soak,
                soak_verdict, failed, made, markdown_path)
    with open(os.path.join(results_dir, "report.md"), "w", encoding="utf-8") as f:
        f.write(md.replace("](bench/results/" + os.path.basename(results_dir) + "/", "]("))
    if markdown_path:
        with open(markdown_path, "w", encoding="utf-8") as f:
            f.write(md)
    for t, m, ok in targets:
        print(f"  {verdict(ok)}  {t}: {m}")


def cpu_step(rows, target):
    """The step issue 17's CPU targets are read at: 64 concurrent (as the latency targets), else the closest."""
    steps = [r for r in rows if r["target"] == target and isinstance(r.get("server_cpu_ms_per_call"), (int, float))]
    return min(steps, key=lambda r: abs(r["concurrency"] - 64)) if steps else None


def baseline_rows():
    """CPU per call of the committed baseline run, {(target, concurrency): ms}, from its summary.csv."""
    path = os.path.join(BENCH_DIR, "results", BASELINE_RUN, "summary.csv")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return {(r["target"], int(r["concurrency"])): float(r["server_cpu_ms_per_call"])
                for r in csv.DictReader(f) if r.get("server_cpu_ms_per_call")}


def notes_sections():
    """bench/benchmarks-notes.md split into (the issue-17 profile section, everything else)."""
    notes = os.path.join(BENCH_DIR, "benchmarks-notes.md")
    if not os.path.exists(notes):
        return "", ""
    with open(notes, encoding="utf-8") as fh:
        text = fh.read().strip()
    start = text.find("\n" + PROFILE_HEADING)
    if start < 0:
        return "", text
    end = text.find("\n## ", start + 1)
    end = len(text) if end < 0 else end
    return text[start:end].strip(), (text[:start] + text[end:]).strip()


def efficiency(rows, by, concs, profile):
    """Issue 17: server CPU per call of this run against the baseline run, per target, with the Node peer's."""
    before = baseline_rows()
    base = f"bench/results/{BASELINE_RUN}"
    base_date = BASELINE_RUN.replace("_", " ")[:13] + ":" + BASELINE_RUN[13:15]

    def ms(x):
        return f"{x:.3f}" if isinstance(x, (int, float)) else "–"

    def ratio(a, b):
        return f"{a / b:.2f}" if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b else "–"

    def after(target, c):
        r = by.get((target, c))
        return r["server_cpu_ms_per_call"] if r else None

    L = ["## Efficiency (issue 17): server CPU per call, before / after", "",
         f"Server CPU per call = user+system CPU of the Payara process during a step (/proc) / calls answered, from the "
         f"steps below. Before = the committed run of {base_date} UTC ([`{base}/summary.csv`]({base}/summary.csv)), the last "
         "full run before issue 17's per-call fixes; after = this run. Runs on different days share no load, so read "
         "the ratio together with the same-run A/B of the profile below (`bench/cpu-per-call.sh`), which is the figure that "
         "holds on a busy machine. A step is met when this run's figure is within the target.", ""]
    ex_concs = [c for c in concs if by.get(("ours-execute", c)) or by.get(("ours-execute-node", c))]
    if ex_concs:
        L += [f"### execute: ≤ {T_EXECUTE_CPU_MS} ms of server CPU per call", "",
              "wrk = `bench/wrk/mcp-execute.lua`; node client = `bench/peer/loadgen.mjs`, which also drives the Node peer "
              "(`@ivotoby/openapi-mcp-server`, same upstream call) in this run.", "",
              table(["conc.", "before (wrk)", "after (wrk)", "after / before", "before (node client)", "after (node client)",
                     "after / before", "Node peer, same run", "ours / peer", "verdict"],
                    [[c, ms(before.get(("ours-execute", c))), ms(after("ours-execute", c)),
                      ratio(after("ours-execute", c), before.get(("ours-execute", c))),
                      ms(before.get(("ours-execute-node", c))), ms(after("ours-execute-node", c)),
                      ratio(after("ours-execute-node", c), before.get(("ours-execute-node", c))),
                      ms(after("peer-execute", c)), ratio(after("ours-execute-node", c), after("peer-execute", c)),
                      verdict(after("ours-execute", c) is not None and after("ours-execute", c) <= T_EXECUTE_CPU_MS)]
                     for c in ex_concs]), ""]
    se_concs = [c for c in concs if by.get(("ours-search", c))]
    if se_concs:
        L += [f"### search (lexical): ≤ {T_SEARCH_CPU_MS} ms of server CPU per call", "",
              table(["conc.", "before", "after", "after / before", "verdict"],
                    [[c, ms(before.get(("ours-search", c))), ms(after("ours-search", c)),
                      ratio(after("ours-search", c), before.get(("ours-search", c))),
                      verdict(after("ours-search", c) <= T_SEARCH_CPU_MS)] for c in se_concs]), ""]
    if profile:
        # one heading level down: the profile belongs to this section
        L += [profile.replace("\n### ", "\n#### ").replace(PROFILE_HEADING, "### Profile (issue 17", 1), ""]
    return L


def render(results_dir, machine, upstream, startups, after, rows, by, concs, comparison, peer_cmp, targets, soak,
           soak_verdict, failed, made, markdown_path):
    rel = os.path.relpath(results_dir, ROOT)
    quick = machine.get("quick")
    L = ["# Benchmarks", ""]
    L += ["Generated by `bench/run.sh` (issue #9); do not edit by hand — the interpretation section comes from "
          "`bench/benchmarks-notes.md`.", ""]
    if quick:
        L += ["> **QUICK VALIDATION RUN — NOISY NUMBERS.** "
              f"{machine.get('duration_s')} s per step, {machine.get('warmup_s')} s warm-up, on a shared 2-core machine "
              f"(load average {machine.get('loadavg_start')} when it started). These numbers only show that the harness works; "
              "they are not the benchmark. Run `bench/run.sh --soak` on a quiet machine for the real figures.", ""]
    L += ["## How to run", "",
          "```bash",
          "bench/run.sh --soak     # everything, 30 s per step, plus the 10-minute soak (≈ 30 min)",
          "bench/run.sh            # everything but the soak (≈ 15 min)",
          "bench/run.sh --quick    # 5 s per step: checks the harness, numbers are noise",
          "bench/run.sh --help     # options (--no-build, --no-peer, --no-jfr, --soak-only) and BENCH_* knobs",
          "```", "",
          "One command, unattended, as root on the project's Debian machine: it installs `wrk`, `nginx-light` and "
          "`gnuplot-nox` with apt-get when missing and the peer with `npm ci` in `bench/peer`, builds the server, starts an "
          "nginx upstream answering `POST /api/node/affiliates/v1` with a static "
          f"{upstream.get('response_bytes', '~1,600')}-byte list of affiliates, Payara Micro with `mcp-web.war` only "
          f"(`{machine.get('tenant_concurrency') != 'default' and 'MCP_TENANT_CONCURRENCY=' + str(machine.get('tenant_concurrency')) + ', ' or ''}"
          "MCP_DEFAULT_TENANT=demo`) and the peer on random loopback ports, warms each target up, loads it with wrk "
          "(Lua scripts in `bench/wrk/` check every answer: HTTP 200, no JSON-RPC error, no `isError`, the upstream's "
          "list present) or with `bench/peer/loadgen.mjs` for the peer, records JFR in an extra 64-concurrency MCP step that the tables leave out, "
          "and writes `bench/results/<date>_<time>/` and this file. Everything it started is stopped on exit, also on failure.", ""]
    L += [f"## Run of {machine.get('date', '?')}", "",
          table(["", ""], [
              ["command", f"`{machine.get('command', 'bench/run.sh').strip()}`"],
              ["results", f"[`{rel}/`]({rel}/)"],
              ["machine", f"{machine.get('nproc')} cores, {round(machine.get('mem_total_kb', 0) / 1024 ** 2, 1)} GiB, {machine.get('cpu')}"],
              ["kernel", machine.get("kernel")],
              ["load average at start", machine.get("loadavg_start")],
              ["java", f"`{machine.get('java')}`"],
              ["Payara Micro", f"{machine.get('payara')} (`--nocluster`, mcp-web.war only, JVM `{(startups.get('ours') or {}).get('heap', '?')}`, class-data archive `PAYARA_CDS={(startups.get('ours') or {}).get('class_data_sharing', 'jar')}`)"],
              ["upstream", f"{upstream.get('server', 'nginx')} (1 worker), static {upstream.get('response_bytes')}-byte answer"],
              ["load tools", f"{machine.get('wrk')}; node {machine.get('node')} (`bench/peer/loadgen.mjs`)"],
              ["steps", f"concurrency {machine.get('concurrency')}, {machine.get('duration_s')} s each after {machine.get('warmup_s')} s warm-up at 16"],
              ["MCP_TENANT_CONCURRENCY", f"{machine.get('tenant_concurrency')} (the server's default, 16, would refuse calls beyond 16 in flight for one tenant)"],
          ], left=True), "",
          "All processes (load generator, nginx, Payara, peer) share the same cores, so the client's own CPU use is part "
          "of every number; compare rows of the same run, not across machines.", ""]
    if made and "chart.png" in made:
        L += [f"![latency and throughput vs concurrency]({rel}/chart.png)", ""]
    L += ["## Targets", "", table(["target", "measured", "verdict"], [[t, m, verdict(ok)] for t, m, ok in targets], left=True), ""]
    if failed:
        L += [f"**{len(failed)} step(s) produced no result** (see `raw/` in the results folder): "
              + ", ".join(f"{f['target']} c={f['concurrency']}" for f in failed), ""]
    profile, other_notes = notes_sections()
    L += efficiency(rows, by, concs, profile)

    o, p = startups.get("ours"), startups.get("peer")
    if o:
        srows = [["ours (Payara Micro + mcp-web.war)", f"{o['startup_ms'] / 1000:.1f} s",
                  f"{o['payara_ready_ms'] / 1000:.1f} s" if isinstance(o.get("payara_ready_ms"), (int, float)) else "–",
                  f"{o['rss_kb'] / 1024:.0f} MB",
                  f"{after['rss_kb'] / 1024:.0f} MB" if after.get("rss_kb") else "–",
                  f"{o['tools_list_chars']:,} chars ≈ {o['tools_list_chars'] // 4:,} tokens"]]
        if p:
            srows.append([f"peer (@ivotoby/openapi-mcp-server {p.get('peer_version')}, Node)", f"{p['startup_ms'] / 1000:.1f} s", "–",
                          f"{p['rss_kb'] / 1024:.0f} MB",
                          f"{after['peer_rss_kb'] / 1024:.0f} MB" if isinstance(after.get("peer_rss_kb"), (int, float)) else "–",
                          f"{p['tools_list_chars']:,} chars ≈ {p['tools_list_chars'] // 4:,} tokens"])
        L += ["## Startup, memory and tools/list size", "",
              "Startup = from process start to the first successful `tools/list`; RSS = VmRSS from /proc. "
              "tools/list = the whole JSON-RPC answer (≈ tokens = chars/4) — what a client puts into the model's context.", "",
              table(["server", "startup", "Payara's own 'ready in'", "RSS after start", "RSS after the load", "tools/list answer"], srows), ""]

    if comparison:
        L += ["## execute: direct vs via MCP (same run)", "",
              "Direct = wrk POSTs `/api/node/affiliates/v1` to nginx. Via MCP = wrk POSTs `tools/call execute "
              "{operationId: AffiliateService_ListAffiliates, body: {}}` to `/mcp` (X-Api-Key forwarded), which makes the same "
              "upstream call. Added = MCP − direct; ratio = MCP throughput / direct throughput.", "",
              table(["conc.", "direct req/s", "MCP req/s", "ratio", "direct p50", "MCP p50", "added p50", "direct p99", "MCP p99",
                     "added p99", "MCP p95", "MCP errors", "server CPU ms/call nginx", "Payara", "new upstream conn. per MCP call"],
                    [[x["concurrency"], fmt(x["direct_rps"], 0), fmt(x["mcp_rps"], 0), fmt(x["rps_ratio"], 3),
                      f"{x['direct_p50_ms']:.2f}", f"{x['mcp_p50_ms']:.2f}", f"{x['added_p50_ms']:+.2f}",
                      f"{x['direct_p99_ms']:.2f}", f"{x['mcp_p99_ms']:.2f}", f"{x['added_p99_ms']:+.2f}",
                      f"{by[('ours-execute', x['concurrency'])]['p95_ms']:.2f}", x["mcp_errors"],
                      fmt(x["direct_cpu_ms_per_call"], 3), fmt(x["mcp_cpu_ms_per_call"], 3),
                      fmt(x["mcp_upstream_conns_per_call"], 3)] for x in comparison]),
              "", "Latencies in ms. New upstream connections per call = TCP connections nginx accepted during the step / "
              "calls (0 = the server reuses its upstream connections; 1 = a new connection for every call). Server CPU ms/call = "
              "user+system CPU of the serving process(es) during the step (/proc/<pid>/stat) / calls: less sensitive to a busy "
              "machine than latency; 1,000 × cores / CPU ms per call bounds the throughput the server alone could reach.", ""]
    se = [r for r in rows if r["target"] == "ours-search"]
    if se:
        L += [f"## search via MCP", "",
              f"`tools/call search {{query: \"{machine.get('search_query')}\"}}` on the bundled Trackdesk description (no upstream call).", "",
              table(["conc.", "req/s", "p50", "p90", "p95", "p99", "p99.9", "max", "errors", "server CPU ms/call"],
                    [[r["concurrency"], fmt(r["rps"], 0), f"{r['p50_ms']:.2f}", f"{r['p90_ms']:.2f}", f"{r['p95_ms']:.2f}",
                      f"{r['p99_ms']:.2f}", f"{r['p999_ms']:.2f}", f"{r['max_ms']:.2f}", r["errors"], fmt(r["server_cpu_ms_per_call"], 3)]
                     for r in sorted(se, key=lambda r: r["concurrency"])]), "", "Latencies in ms.", ""]
    if peer_cmp:
        peer_tool = (startups.get("peer") or {}).get("peer_tool", "?")
        L += ["## Side by side with a generic OpenAPI→MCP server", "",
              f"Peer: `@ivotoby/openapi-mcp-server` {(startups.get('peer') or {}).get('peer_version', '')} on the same upstream, "
              f"`--tools all` (one tool per operation; its tool for AffiliateService_ListAffiliates is `{peer_tool}`). "
              "Its HTTP transport is stateful: `initialize` gives an `Mcp-Session-Id`, and a `tools/call` POST is answered 202 "
              "while the result arrives on the session's GET event stream, so wrk cannot time it. Both servers are driven here by "
              "the same client, `bench/peer/loadgen.mjs` (one session and one stream per connection for the peer; latency = POST "
              "sent → result received), in the same run.", "",
              table(["conc.", "peer req/s", "ours req/s", "peer p50", "ours p50", "peer p99", "ours p99", "peer errors", "ours errors",
                     "server CPU ms/call peer", "ours", "new upstream conn./call peer", "ours"],
                    [[x["concurrency"],
                      fmt(x["peer"]["rps"], 0) if x["peer"] else "–", fmt(x["ours"]["rps"], 0) if x["ours"] else "–",
                      f"{x['peer']['p50_ms']:.2f}" if x["peer"] else "–", f"{x['ours']['p50_ms']:.2f}" if x["ours"] else "–",
                      f"{x['peer']['p99_ms']:.2f}" if x["peer"] else "–", f"{x['ours']['p99_ms']:.2f}" if x["ours"] else "–",
                      x["peer"]["errors"] if x["peer"] else "–", x["ours"]["errors"] if x["ours"] else "–",
                      fmt(x["peer"]["server_cpu_ms_per_call"], 3) if x["peer"] else "–",
                      fmt(x["ours"]["server_cpu_ms_per_call"], 3) if x["ours"] else "–",
                      fmt(x["peer"]["upstream_conns_per_call"], 3) if x["peer"] else "–",
                      fmt(x["ours"]["upstream_conns_per_call"], 3) if x["ours"] else "–"] for x in peer_cmp]),
              "", "Latencies in ms. tools/list sizes are in the startup table above.", ""]
    if soak:
        v = soak_verdict or {}
        L += ["## Soak", "",
              f"{machine.get('soak_seconds')} s at {machine.get('soak_concurrency')} concurrent `execute` calls via MCP, in "
              f"{machine.get('soak_interval_s')}-s wrk runs; after each, `jcmd GC.run` then `GC.heap_info` (heap in use after a "
              "full GC = the live set) and VmRSS. "
              + (f"Heap after GC {v.get('heap_growth_mb', 0):+.1f} MB and RSS {v.get('rss_growth_mb', 0):+.1f} MB from the "
                 f"first warm sample to the last (linear trend over the samples, extrapolated: {v.get('heap_slope_mb_per_10min')} MB per 10 min): "
                 f"**{'flat' if v.get('flat') else 'NOT flat'}**." if v else ""), ""]
        if "soak.png" in made:
            L += [f"![soak]({rel}/soak.png)", ""]
        L += [table(["t (s)", "heap after GC (MB)", "metaspace (MB)", "RSS (MB)", "req/s", "p99 (ms)", "errors"],
                    [[s["t_s"], fmt(s["heap_after_gc_mb"], 1), fmt(s["metaspace_mb"], 1), fmt(s["rss_mb"], 1),
                      fmt(s["rps"], 0), fmt(s["p99_ms"]), fmt(s["errors"])] for s in soak]), ""]
    jfr_md = [f for f in sorted(os.listdir(results_dir)) if f.startswith("jfr-") and f.endswith(".md")]
    if jfr_md:
        L += ["## Profile of the hot path (JFR)", "",
              "`jcmd <pid> JFR.start settings=profile` during an extra 64-concurrency step after the measured ones (with these "
              "settings JFR cut this server's throughput several-fold, so that step is not in the tables), summarised by `bench/tools/jfr_summary.py` (`jfr print` + aggregation). Recordings and full summaries: "
              f"`{rel}/raw/*.jfr`, `{rel}/jfr-*.md|json`.", ""]
        for f in jfr_md:
            if f.endswith("-views.md"):
                continue
            with open(os.path.join(results_dir, f), encoding="utf-8") as fh:
                body = fh.read()
            L += [f"### {f[4:-3]}", "", body.replace("\n#", "\n####"), ""]
    if other_notes:
        L += [other_notes, ""]
    L += ["## Files of this run", "",
          f"- [`summary.csv`]({rel}/summary.csv) — one row per target and concurrency step",
          f"- [`results.json`]({rel}/results.json) — everything above, machine-readable; `results.jsonl` — raw records",
          *( [f"- [`soak.csv`]({rel}/soak.csv) — the soak series"] if soak else []),
          *( [f"- [`chart.png`]({rel}/chart.png), [`soak.png`]({rel}/soak.png)" if "soak.png" in made else f"- [`chart.png`]({rel}/chart.png)"] if made else []),
          f"- `raw/` — wrk/loadgen output of every step (warm-ups too), tools/list answers, JFR recordings; `logs/` — Payara, nginx, peer", ""]
    return "\n".join(L)


if __name__ == "__main__":
    main()
