#!/usr/bin/env python3
"""Summarises a JFR recording of the server under load: where the CPU goes, who allocates, who waits.

    jfr_summary.py RECORDING.jfr OUT_PREFIX

Reads `jfr print` text output (JDK 17's jfr has no `view`) and writes OUT_PREFIX.json and OUT_PREFIX.md:
top self frames, CPU share by component (inclusive), the application method closest to the top of each
sample, allocation by class and by site, monitor contention and long parks of the HTTP worker threads,
and GC pauses. When a JDK 21+ `jfr` is on the machine (e.g. Temurin 25), its `view hot-methods`,
`allocation-by-site` and `contention-by-site` are added to OUT_PREFIX-views.txt.
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys

# Components, matched on a frame's class name (first match wins); "inclusive" = share of samples whose
# stack contains at least one frame of the component.
COMPONENTS = [
    ("app: com.trackdesk", ("com.trackdesk.",)),
    ("MCP Java SDK", ("io.modelcontextprotocol.",)),
    ("Reactor (used by the MCP SDK)", ("reactor.",)),
    ("Jackson (2 and 3)", ("com.fasterxml.jackson.", "tools.jackson.")),
    ("JSON Schema validation (networknt)", ("com.networknt.",)),
    ("Lucene (search)", ("org.apache.lucene.",)),
    ("MicroProfile Fault Tolerance (Payara)", ("fish.payara.microprofile.faulttolerance.",)),
    ("MicroProfile Config (Payara)", ("fish.payara.nucleus.microprofile.config.",)),
    ("Hazelcast (Payara's store)", ("com.hazelcast.",)),
    ("Rest client (Jersey client / MP Rest Client)", ("org.glassfish.jersey.client.", "org.glassfish.jersey.microprofile.restclient.")),
    ("JAX-RS server (Jersey server)", ("org.glassfish.jersey.server.", "org.glassfish.jersey.servlet.")),
    ("Jersey common", ("org.glassfish.jersey.",)),
    ("Weld (CDI proxies, interceptors)", ("org.jboss.weld.",)),
    ("HttpURLConnection (JDK HTTP client of the rest client)", ("sun.net.www.", "java.net.HttpURLConnection")),
    ("Web container (Catalina/Grizzly)", ("org.apache.catalina.", "org.apache.coyote.", "org.glassfish.grizzly.", "com.sun.enterprise.web.", "org.glassfish.web.")),
    ("Payara/GlassFish other", ("fish.payara.", "org.glassfish.", "com.sun.enterprise.")),
    ("JDK", ("java.", "javax.", "jdk.", "sun.")),
]

# request plumbing left out of the inclusive-frames table (it is on every request's stack)
PLUMBING = {"JDK", "Web container (Catalina/Grizzly)", "Jersey common", "JAX-RS server (Jersey server)",
            "Weld (CDI proxies, interceptors)"}

FRAME_RE = re.compile(r"^\s{4}(\S.*?)(?:\s+line: (\d+))?\s*$")


def component_of(frame):
    for name, prefixes in COMPONENTS:
        if frame.startswith(prefixes):
            return name
    return "other"


def short(frame):
    """pkg.Class.method(args) -> pkg.Class.method"""
    return frame.split("(", 1)[0]


def parse_events(path, event, depth=64):
    out = subprocess.run(["jfr", "print", "--stack-depth", str(depth), "--events", event, path],
                         capture_output=True, text=True, check=True).stdout
    events, cur, in_stack = [], None, False
    for line in out.splitlines():
        if line.startswith(event.split(",")[0].split(".")[0] + ".") and line.rstrip().endswith("{"):
            cur = {"type": line.split()[0], "frames": []}
            in_stack = False
        elif cur is None:
            continue
        elif line.strip() == "stackTrace = [":
            in_stack = True
        elif in_stack and line.strip() == "]":
            in_stack = False
        elif in_stack:
            m = FRAME_RE.match(line)
            if m and m.group(1) != "...":
                cur["frames"].append(short(m.group(1)))
        elif line == "}":
            events.append(cur)
            cur = None
        else:
            key, sep, value = line.strip().partition(" = ")
            if sep:
                cur[key] = value
    return events


UNITS = {"bytes": 1, "byte": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3,
         "ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0, "min": 60000.0}


def quantity(text):
    """'12.3 kB' -> bytes, '4.5 ms' -> ms, '1 m 2 s' -> ms (rough)."""
    if not text:
        return 0.0
    total, found = 0.0, False
    for num, unit in re.findall(r"([\d.,]+)\s*([a-zA-Z]+)", text):
        unit = {"m": "min", "h": "min"}.get(unit, unit)
        factor = UNITS.get(unit)
        if factor is None:
            continue
        total += float(num.replace(",", "")) * factor * (60 if unit == "h" else 1)
        found = True
    if not found:
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return 0.0
    return total


def thread_name(ev):
    t = ev.get("sampledThread") or ev.get("eventThread") or ""
    m = re.match(r'"(.*?)"', t)
    return m.group(1) if m else t


def pct(n, total):
    return round(100.0 * n / total, 1) if total else 0.0


def summarise(path):
    result = {"recording": os.path.basename(path)}
    samples = parse_events(path, "jdk.ExecutionSample")
    total = len(samples)
    result["execution_samples"] = total
    threads = collections.Counter()
    top_frames, self_components, incl_components, app_frames, incl_frames = (collections.Counter() for _ in range(5))
    worker_samples = 0
    for s in samples:
        name = thread_name(s)
        threads[re.sub(r"[\(\-]?\d+\)?$", "", name).rstrip("(-:") or name] += 1
        frames = s["frames"]
        if not frames:
            continue
        top_frames[frames[0]] += 1
        self_components[component_of(frames[0])] += 1
        for comp in {component_of(f) for f in frames}:
            incl_components[comp] += 1
        if "http-thread-pool" in name:
            worker_samples += 1
            for f in set(frames):
                if component_of(f) not in PLUMBING and "$Proxy$_$$_Weld" not in f:
                    incl_frames[f] += 1
        app = next((f for f in frames if f.startswith("com.trackdesk.")), None)
        app_frames[app or "(no com.trackdesk frame on the stack)"] += 1
    result["threads"] = [{"thread": t, "samples": n, "pct": pct(n, total)} for t, n in threads.most_common(8)]
    result["top_self_frames"] = [{"frame": f, "samples": n, "pct": pct(n, total)} for f, n in top_frames.most_common(20)]
    result["self_by_component"] = [{"component": c, "samples": n, "pct": pct(n, total)} for c, n in self_components.most_common()]
    result["inclusive_by_component"] = [{"component": c, "samples": n, "pct": pct(n, total)} for c, n in incl_components.most_common()]
    # inclusive frames of the HTTP workers, below the request dispatch (frames on nearly every request stack left out)
    result["http_worker_samples"] = worker_samples
    result["top_inclusive_frames"] = [{"frame": f, "samples": n, "pct": pct(n, worker_samples)}
                                      for f, n in incl_frames.most_common(80) if n < 0.8 * worker_samples][:25]
    result["nearest_app_frame"] = [{"frame": f, "samples": n, "pct": pct(n, total)} for f, n in app_frames.most_common(15)]

    allocs = parse_events(path, "jdk.ObjectAllocationSample", depth=16)
    by_class, by_site, by_app_site = collections.Counter(), collections.Counter(), collections.Counter()
    weight_total = 0.0
    for a in allocs:
        w = quantity(a.get("weight", "0"))
        weight_total += w
        by_class[re.sub(r"\s*\(classLoader.*", "", a.get("objectClass", "?"))] += w
        frames = a["frames"]
        by_site[frames[0] if frames else "?"] += w
        non_jdk = next((f for f in frames if component_of(f) != "JDK"), "?")
        by_app_site[non_jdk] += w
    result["allocation_samples"] = len(allocs)
    result["allocated_mb_estimate"] = round(weight_total / 1024 ** 2, 1)
    mb = lambda w: round(w / 1024 ** 2, 1)
    result["alloc_by_class"] = [{"class": c, "mb": mb(w), "pct": pct(w, weight_total)} for c, w in by_class.most_common(12)]
    result["alloc_by_site"] = [{"frame": f, "mb": mb(w), "pct": pct(w, weight_total)} for f, w in by_site.most_common(12)]
    result["alloc_by_first_non_jdk_frame"] = [{"frame": f, "mb": mb(w), "pct": pct(w, weight_total)} for f, w in by_app_site.most_common(12)]

    # waiting: monitor contention anywhere, and long parks of the HTTP worker threads (both >= 10-20 ms in 'profile')
    waits = collections.defaultdict(lambda: [0, 0.0])
    idle = ("org.glassfish.grizzly.threadpool.SyncThreadPool$SyncThreadWorker.getTask",  # idle worker waiting for work
            "sun.nio.ch.EPollSelectorImpl")  # selector wake-ups
    for ev in parse_events(path, "jdk.JavaMonitorEnter", depth=24):
        frames = ev["frames"]
        if frames and frames[0].startswith(idle):
            continue
        site = next((f for f in frames if not f.startswith(("java.util.concurrent.", "java.lang."))), frames[0] if frames else "?")
        key = "monitor " + re.sub(r"\s*\(classLoader.*", "", ev.get("monitorClass", "?")) + " at " + site
        waits[key][0] += 1
        waits[key][1] += quantity(ev.get("duration"))
    for ev in parse_events(path, "jdk.ThreadPark", depth=40):
        if "http-thread-pool" not in thread_name(ev):
            continue
        frames = ev["frames"]
        site = next((f for f in frames if not f.startswith(("java.util.concurrent.", "jdk.internal.", "java.lang."))), "?")
        key = "park at " + site
        waits[key][0] += 1
        waits[key][1] += quantity(ev.get("duration"))
    result["waits"] = [{"where": k, "events": v[0], "total_ms": round(v[1], 1)}
                       for k, v in sorted(waits.items(), key=lambda kv: -kv[1][1])[:12]]

    gcs = parse_events(path, "jdk.GarbageCollection", depth=1)
    pauses = [quantity(g.get("sumOfPauses")) for g in gcs]
    result["gc"] = {"count": len(gcs), "total_pause_ms": round(sum(pauses), 1),
                    "max_pause_ms": round(max(pauses), 2) if pauses else 0.0,
                    "names": dict(collections.Counter(g.get("name", "?").strip('"') for g in gcs))}
    return result


def newer_jfr():
    for java_home in sorted(glob.glob("/usr/lib/jvm/*")):
        tool = os.path.join(java_home, "bin", "jfr")
        if not os.path.exists(tool):
            continue
        try:
            version = subprocess.run([tool, "version"], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        m = re.search(r"(\d+)", version)
        if m and int(m.group(1)) >= 21:
            return tool
    return None


def views(path, prefix):
    tool = newer_jfr()
    if not tool:
        return None
    chunks = []
    for view in ("hot-methods", "allocation-by-site", "contention-by-site"):
        r = subprocess.run([tool, "view", "--width", "160", view, path], capture_output=True, text=True)
        chunks.append(r.stdout if r.returncode == 0 else f"({view} failed: {r.stderr.strip()[:200]})\n")
    text = "\n".join(chunks)
    with open(prefix + "-views.txt", "w", encoding="utf-8") as f:
        f.write(f"# {tool} view ... {os.path.basename(path)}\n\n{text}")
    return text


def table(rows, cols, headers):
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for r in rows:
        out.append("| " + " | ".join(f"`{r[c]}`" if c in ("frame", "class", "where") else str(r[c]) for c in cols) + " |")
    return "\n".join(out)


def markdown(r, views_text):
    md = [f"Recording `{r['recording']}`: {r['execution_samples']} CPU samples, "
          f"{r['allocation_samples']} allocation samples (≈ {r['allocated_mb_estimate']} MB allocated), "
          f"{r['gc']['count']} GCs ({r['gc']['total_pause_ms']} ms paused in all, longest {r['gc']['max_pause_ms']} ms).",
          "", "CPU by thread group:", "",
          table(r["threads"], ["thread", "samples", "pct"], ["thread", "samples", "%"]),
          "", "CPU by component (self = the sampled top frame; inclusive = the component is anywhere on the stack):", ""]
    incl = {x["component"]: x["pct"] for x in r["inclusive_by_component"]}
    rows = [{"component": x["component"], "self": x["pct"], "incl": incl.get(x["component"], 0)} for x in r["self_by_component"]]
    for c, p in incl.items():
        if c not in {x["component"] for x in rows}:
            rows.append({"component": c, "self": 0.0, "incl": p})
    rows.sort(key=lambda x: -x["incl"])
    md += [table(rows, ["component", "self", "incl"], ["component", "self %", "inclusive %"]), "",
           "Top frames (self):", "", table(r["top_self_frames"][:15], ["frame", "samples", "pct"], ["frame", "samples", "%"]), "",
           f"Top inclusive frames of the HTTP worker threads ({r['http_worker_samples']} samples; % = share of those samples "
           "with the method on the stack; JDK, Grizzly/Catalina, Jersey and Weld plumbing and frames on more than 80 % of "
           "the samples left out):", "",
           table(r["top_inclusive_frames"][:25], ["frame", "samples", "pct"], ["frame", "samples", "%"]), "",
           "Nearest application frame (which of our methods the CPU was working for):", "",
           table(r["nearest_app_frame"][:12], ["frame", "samples", "pct"], ["frame", "samples", "%"]), "",
           "Allocation by class:", "", table(r["alloc_by_class"][:10], ["class", "mb", "pct"], ["class", "MB", "%"]), "",
           "Allocation by first non-JDK frame:", "",
           table(r["alloc_by_first_non_jdk_frame"][:10], ["frame", "mb", "pct"], ["frame", "MB", "%"]), ""]
    if r["waits"]:
        md += ["Waiting (monitor contention except idle workers; parks ≥ 10 ms of HTTP worker threads), longest total "
               "first — total ms is summed over threads, so it can exceed the recording's length:", "",
               table(r["waits"], ["where", "events", "total_ms"], ["where", "events", "total ms"]), ""]
    if views_text:
        hot = [l.rstrip() for l in views_text.strip().splitlines()]
        end = next((i for i, l in enumerate(hot) if i > 3 and not l.strip()), len(hot))
        md += ["`jfr view hot-methods` (a JDK 21+ `jfr` on the same recording; more views in `jfr-*-views.txt`):", "",
               "```", "\n".join(hot[:min(end, 24)]), "```", ""]
    return "\n".join(md)


def main():
    path, prefix = sys.argv[1], sys.argv[2]
    r = summarise(path)
    views_text = views(path, prefix)
    with open(prefix + ".json", "w", encoding="utf-8") as f:
        json.dump(r, f, indent=1)
    with open(prefix + ".md", "w", encoding="utf-8") as f:
        f.write(markdown(r, views_text))
    print(f"{prefix}.md: {r['execution_samples']} samples")


if __name__ == "__main__":
    main()
