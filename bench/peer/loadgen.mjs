#!/usr/bin/env node
// Closed-loop load client for MCP servers, used by bench/run.sh for the side-by-side with the peer.
//
// wrk cannot drive the peer (@ivotoby/openapi-mcp-server): its HTTP transport answers a tools/call POST
// with 202 and delivers the result later as an SSE event on the session's GET stream. This client does
// what an MCP client does there: initialize a session per virtual user, open its GET stream, POST
// tools/call and time each call until its result arrives (POST sent -> result event received).
// The same client also drives our stateless server (--mode json: the result is the POST's answer), so
// the two servers are compared with the same client in the same run.
//
// Prints one line: BENCH_RESULT {...} with the same fields as bench/wrk/report.lua.
//
//   node loadgen.mjs --url http://127.0.0.1:P/mcp --mode sse-session|json --tool NAME --args '{...}'
//        --concurrency 64 --duration 30 [--expect mayachen] [--header X-Api-Key:bench-key] [--timeout 10]

import http from 'node:http';
import { performance } from 'node:perf_hooks';

function parseArgs(argv) {
  const opts = { headers: {}, concurrency: 1, duration: 5, timeout: 10, mode: 'json', args: '{}' };
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[++i];
    if (key === 'header') {
      const at = value.indexOf(':');
      opts.headers[value.slice(0, at).trim()] = value.slice(at + 1).trim();
    } else if (['concurrency', 'duration', 'timeout'].includes(key)) {
      opts[key] = Number(value);
    } else {
      opts[key] = value;
    }
  }
  if (!opts.url || !opts.tool) {
    console.error('usage: loadgen.mjs --url URL --tool NAME [--args JSON] [--mode json|sse-session] ' +
      '[--concurrency N] [--duration S] [--expect TEXT] [--header K:V]');
    process.exit(2);
  }
  opts.args = JSON.parse(opts.args);
  return opts;
}

const opts = parseArgs(process.argv);
const url = new URL(opts.url);
const postAgent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency + 4 });
const streamAgent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency + 4 });
const baseHeaders = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  ...opts.headers,
};

let nextId = 1;
const pending = new Map(); // JSON-RPC id -> {resolve, reject, timer}
const stats = { requests: 0, bytes: 0, latencies: [], bad: { status: 0, rpc_error: 0, tool_error: 0, body: 0 },
  socket: { connect: 0, read: 0, write: 0, timeout: 0 } };

function post(body, headers) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: postAgent,
      headers: { ...baseHeaders, ...headers, 'Content-Length': Buffer.byteLength(data) },
      timeout: opts.timeout * 1000,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(data);
  });
}

function endSession(sessionId) {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'DELETE', agent: postAgent,
      headers: { ...opts.headers, 'Mcp-Session-Id': sessionId }, timeout: opts.timeout * 1000,
    }, (res) => { res.resume(); res.on('end', resolve); });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

function openStream(sessionId) {
  // The peer writes the stream's headers only with its first event, so do not wait for the response:
  // consider the stream open once the request is on the wire (openSession then gives the server a moment).
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'GET', agent: streamAgent,
      headers: { ...opts.headers, Accept: 'text/event-stream', 'Mcp-Session-Id': sessionId },
    }, (res) => {
      if (res.statusCode !== 200) {
        console.error(`loadgen: GET stream answered ${res.statusCode}`);
        res.resume();
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (!data) continue;
          stats.bytes += Buffer.byteLength(data);
          let message;
          try { message = JSON.parse(data); } catch { continue; }
          const waiter = pending.get(message.id);
          if (waiter) {
            pending.delete(message.id);
            clearTimeout(waiter.timer);
            waiter.resolve({ status: 200, message, text: data });
          }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', (error) => { if (!req.destroyed) console.error(`loadgen: GET stream failed: ${error}`); });
    req.end();
    req.on('socket', (socket) => {
      if (socket.connecting) socket.once('connect', () => resolve(req)); else resolve(req);
    });
    setTimeout(() => reject(new Error('GET stream could not be opened')), opts.timeout * 1000).unref();
  });
}

async function openSession() {
  const init = await post({ jsonrpc: '2.0', id: nextId++, method: 'initialize', params: {
    protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'trackdesk-bench', version: '1' } } }, {});
  const sessionId = init.headers['mcp-session-id'];
  if (init.status !== 200 || !sessionId) throw new Error(`initialize answered ${init.status}: ${init.body.slice(0, 200)}`);
  await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, { 'Mcp-Session-Id': sessionId });
  const stream = await openStream(sessionId);
  await new Promise((r) => setTimeout(r, 200)); // let the server register the stream before the first call
  return { sessionId, stream };
}

function check(status, message, text) {
  if (status !== 200 || !message) return 'status';
  if (message.error) return 'rpc_error';
  if (!message.result) return 'body';
  if (message.result.isError) return 'tool_error';
  if (opts.expect && !text.includes(opts.expect)) return 'body';
  return null;
}

async function callOnce(session) {
  const id = nextId++;
  const body = { jsonrpc: '2.0', id, method: 'tools/call', params: { name: opts.tool, arguments: opts.args } };
  if (opts.mode === 'json') {
    const res = await post(body, {});
    stats.bytes += Buffer.byteLength(res.body);
    let message = null;
    try { message = JSON.parse(res.body); } catch { /* counted below */ }
    return check(res.status, message, res.body);
  }
  // sse-session: the POST is acknowledged with 202, the result comes on the session's GET stream
  const result = new Promise((resolve, reject) => {
    const timer = setTimeout(() => { pending.delete(id); reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })); },
      opts.timeout * 1000);
    pending.set(id, { resolve, reject, timer });
  });
  const ack = await post(body, { 'Mcp-Session-Id': session.sessionId });
  if (ack.status !== 202 && ack.status !== 200) {
    const waiter = pending.get(id);
    if (waiter) { clearTimeout(waiter.timer); pending.delete(id); }
    result.catch(() => {});
    return 'status';
  }
  const { status, message, text } = await result;
  return check(status, message, text);
}

function classify(error) {
  const code = error && error.code;
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNREFUSED') return 'connect';
  if (code === 'EPIPE') return 'write';
  return 'read';
}

async function virtualUser(session, deadline) {
  try {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const bad = await callOnce(session);
        stats.latencies.push(performance.now() - t0);
        stats.requests++;
        if (bad) stats.bad[bad]++;
      } catch (error) {
        stats.socket[classify(error)]++;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  } finally {
    if (session) {
      session.stream.destroy();
      await endSession(session.sessionId).catch(() => {});
    }
  }
}

function percentile(sorted, q) {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[index];
}

async function main() {
  // sessions are opened before the clock starts (not part of the measurement)
  const opened = await Promise.allSettled(Array.from({ length: opts.concurrency },
    () => (opts.mode === 'sse-session' ? openSession() : Promise.resolve(null))));
  const start = performance.now();
  const deadline = start + opts.duration * 1000;
  const results = await Promise.allSettled(opened.map((o) =>
    (o.status === 'fulfilled' ? virtualUser(o.value, deadline) : Promise.reject(o.reason))));
  const elapsed = performance.now() - start;
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) {
    stats.socket.connect += failed.length;
    console.error(`loadgen: ${failed.length} virtual users failed to start: ${failed[0].reason}`);
  }
  const sorted = Float64Array.from(stats.latencies).sort();
  const us = (ms) => Math.round(ms * 1000);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
  const stdev = sorted.length ? Math.sqrt(sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / sorted.length) : 0;
  const bad = Object.values(stats.bad).reduce((a, b) => a + b, 0);
  const result = {
    requests: stats.requests, duration_us: us(elapsed), bytes: stats.bytes,
    socket_errors: stats.socket, http_status_errors: stats.bad.status, bad_answers: bad, bad: stats.bad,
    latency_us: { min: us(sorted[0] || 0), mean: us(mean), stdev: us(stdev), p50: us(percentile(sorted, 50)),
      p90: us(percentile(sorted, 90)), p95: us(percentile(sorted, 95)), p99: us(percentile(sorted, 99)),
      p999: us(percentile(sorted, 99.9)), max: us(sorted[sorted.length - 1] || 0) },
    client: 'node-loadgen',
  };
  process.stdout.write(`Requests/sec: ${(stats.requests / (elapsed / 1000)).toFixed(2)}\n`);
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  postAgent.destroy();
  streamAgent.destroy();
  process.exit(0);
}

main().catch((error) => { console.error(error); process.exit(1); });
