// The admin console: reads the JSON API under api/ and renders pages, tables and charts (Chart.js).
// All data goes into the page as text (textContent), never as HTML: tenant names, operation ids and
// search texts come from outside.
(function () {
  'use strict';

  const RANGES = { PT1H: 3600e3, PT6H: 6 * 3600e3, PT24H: 24 * 3600e3, P7D: 7 * 86400e3, P30D: 30 * 86400e3 };
  const PAGES = ['overview', 'operations', 'failures', 'tenants', 'searches', 'config'];
  const charts = {};
  const $ = (id) => document.getElementById(id);

  // ---- talking to the API ----

  async function api(path) {
    const response = await fetch('api/' + path, {
      headers: { 'X-Requested-With': 'trackdesk-console', Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (response.status === 401) {
      window.location.assign('login.html');
      throw new Error('not logged in');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error((body.error || 'HTTP ' + response.status) + (body.detail ? ': ' + body.detail : ''));
    }
    return body;
  }

  function filterQuery() {
    const params = new URLSearchParams();
    const range = $('range').value;
    let until = new Date();
    let since;
    if (range === 'custom') {
      since = $('since').value ? new Date($('since').value) : new Date(until - RANGES.PT24H);
      until = $('until').value ? new Date($('until').value) : until;
    } else {
      since = new Date(until - RANGES[range]);
    }
    params.set('since', since.toISOString());
    params.set('until', until.toISOString());
    const tenant = $('tenant').value.trim();
    if (tenant) {
      params.set('tenant', tenant);
    }
    return params;
  }

  // ---- small rendering helpers ----

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (name === 'onclick') {
        node.addEventListener('click', value);
      } else {
        node.setAttribute(name, value);
      }
    });
    children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
    return node;
  }

  const number = (n) => Number(n || 0).toLocaleString('en');
  const percent = (rate) => (100 * (rate || 0)).toFixed(1) + ' %';
  const millis = (micros) => (micros / 1000).toLocaleString('en', { maximumFractionDigits: micros < 10000 ? 2 : 0 }) + ' ms';
  const bytes = (n) => (n >= 1024 ? (n / 1024).toFixed(1) + ' KiB' : n + ' B');
  const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

  function table(containerId, headers, rows, empty) {
    const container = $(containerId);
    container.replaceChildren();
    if (rows.length === 0) {
      container.append(el('p', { class: 'empty' }, empty || 'No calls in this time range.'));
      return;
    }
    container.append(el('table', {},
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c)))))));
  }

  function cards(containerId, items) {
    $(containerId).replaceChildren(...items.map(([label, value, kind]) =>
      el('div', { class: 'card' + (kind ? ' ' + kind : '') }, el('span', { class: 'label' }, label),
        el('span', { class: 'value' }, value))));
  }

  function banner(text, kind) {
    const node = $('banner');
    node.hidden = !text;
    node.textContent = text || '';
    node.className = 'notice ' + (kind || 'info');
  }

  // ---- charts ----

  function timeLabel(iso, bucketMinutes) {
    const date = new Date(iso);
    return bucketMinutes === 1
      ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit' });
  }

  function chart(id, type, datasets, labels, options) {
    if (!charts[id]) {
      charts[id] = new Chart($(id), {
        type,
        data: { labels, datasets },
        options: Object.assign({
          responsive: true, maintainAspectRatio: false, animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: { x: { ticks: { maxTicksLimit: 8, autoSkip: true } }, y: { beginAtZero: true } },
        }, options || {}),
      });
    } else {
      charts[id].data.labels = labels;
      datasets.forEach((dataset, i) => { charts[id].data.datasets[i].data = dataset.data; });
      charts[id].update();
    }
  }

  // ---- pages ----

  async function overview(query) {
    const [summary, series] = await Promise.all([api('metrics/summary?' + query), api('metrics/timeseries?' + query)]);
    cards('cards', [
      ['Calls', number(summary.calls)],
      ['Errors', number(summary.errors), summary.errors ? 'warn' : ''],
      ['Error rate', percent(summary.errorRate), summary.errorRate > 0.05 ? 'warn' : ''],
      ['p50 latency', millis(summary.latency.p50Micros)],
      ['p95 latency', millis(summary.latency.p95Micros)],
      ['p99 latency', millis(summary.latency.p99Micros)],
      ['Lost (not recorded)', number(summary.lostCalls), summary.lostCalls ? 'warn' : ''],
    ]);
    const labels = series.points.map((p) => timeLabel(p.at, series.bucketMinutes));
    chart('chart-calls', 'bar', [
      { label: 'OK', data: series.points.map((p) => p.calls - p.errors), backgroundColor: '#3b82f6', stack: 'calls' },
      { label: 'Errors', data: series.points.map((p) => p.errors), backgroundColor: '#ef4444', stack: 'calls' },
    ], labels, { scales: { x: { stacked: true, ticks: { maxTicksLimit: 8 } }, y: { stacked: true, beginAtZero: true } } });
    chart('chart-errors', 'line', [
      { label: 'Error rate %', data: series.points.map((p) => (p.calls ? (100 * p.errors) / p.calls : null)),
        borderColor: '#ef4444', spanGaps: true, pointRadius: 2 },
    ], labels);
    chart('chart-latency', 'line', [
      { label: 'p50', data: series.points.map((p) => (p.calls ? p.p50Micros / 1000 : null)), borderColor: '#3b82f6', spanGaps: true, pointRadius: 2 },
      { label: 'p95', data: series.points.map((p) => (p.calls ? p.p95Micros / 1000 : null)), borderColor: '#f59e0b', spanGaps: true, pointRadius: 2 },
    ], labels);
    table('outcomes', ['Outcome', 'Calls'], summary.byOutcome.map((o) => [o.name, number(o.calls)]));
    table('tools', ['Tool', 'Calls', 'Errors'], summary.byTool.map((t) => [t.name, number(t.calls), number(t.errors)]));
    // which protocol revisions clients still use, so an old one can be retired once nobody calls with it
    const revisions = await api('metrics/protocol-revisions?' + query);
    table('protocol-revisions', ['Revision', 'Calls', 'Errors'], revisions.map((r) => [r.name, number(r.calls), number(r.errors)]));
    await access(query);
  }

  // calls by X-Api-Key header / OAuth, and OAuth sign-ins (GET metrics/access)
  async function access(query) {
    const counts = await api('metrics/access?' + query);
    const rows = [
      ['Calls with the X-Api-Key header', number(counts.headerCalls)],
      ['Calls with OAuth', number(counts.oauthCalls)],
      ['OAuth sign-ins (all tenants)', number(counts.signIns)],
      ['Failed OAuth sign-ins (all tenants)', number(counts.failedSignIns)],
    ];
    if (counts.unknownCalls) rows.push(['Calls recorded before auth kinds were kept', number(counts.unknownCalls)]);
    table('access', ['', 'Count'], rows);
  }

  async function operations(query) {
    const rows = await api('metrics/operations?' + query);
    table('operations', ['Tool', 'Operation', 'Calls', 'Errors', 'Error rate', 'p50', 'p95', 'Avg. size', 'Truncated'],
      rows.map((o) => [o.tool, o.operationId, number(o.calls), number(o.errors), percent(o.errorRate),
        millis(o.p50Micros), millis(o.p95Micros), bytes(o.averageResponseBytes), number(o.truncatedCalls)]));
  }

  async function failures(query) {
    const rows = await api('metrics/failures?' + query);
    table('failures', ['Tool', 'Operation', 'Calls', 'Errors', 'Error rate', 'How they failed'],
      rows.map((f) => [f.tool, f.operationId, number(f.calls), number(f.errors), percent(f.errorRate),
        el('span', { class: 'chips' }, f.breakdown.map((b) =>
          el('span', { class: 'chip' }, b.outcome + (b.httpStatus ? ' ' + b.httpStatus : '') + ' × ' + number(b.calls))))]),
      'No failed calls in this time range.');
  }

  async function tenants(query, configuration) {
    const rows = await api('metrics/tenants?' + query);
    $('tenant-hint').textContent = configuration.metrics.tenantMode === 'hashed'
      ? 'Tenants are stored as salted hashes (t-…). Type a tenant name into the filter to find its label.'
      : 'Tenants are stored by name (MCP_METRICS_TENANT_MODE=plain).';
    table('tenants', ['Tenant', 'Calls', 'Errors', 'Error rate', 'Last seen'],
      rows.map((t) => [el('a', { href: '#tenants', class: 'tenant', onclick: () => { $('tenant').value = t.tenant; refresh(); } }, t.tenant),
        number(t.calls), number(t.errors), percent(t.errorRate), when(t.lastSeen)]));
  }

  async function searches(query) {
    const quality = await api('metrics/searches?' + query);
    cards('search-cards', [
      ['Searches', number(quality.searches)],
      ['No results', number(quality.zeroResults), quality.zeroResults ? 'warn' : ''],
      ['1–' + quality.fewMeans + ' results', number(quality.fewResults)],
    ]);
    $('search-hint').textContent = quality.queryTextsStored ? ''
      : 'Search texts are not stored (set MCP_METRICS_STORE_QUERIES=true to see them); searches are grouped as "(text not stored)".';
    table('searches', ['Search text', 'Searches', 'Most hits', 'Last'],
      quality.poorSearches.map((s) => [s.queryText === null ? el('em', {}, '(text not stored)') : s.queryText,
        number(s.searches), number(s.mostHits), when(s.lastAt)]), 'No search with no or few results in this time range.');
  }

  function definitions(containerId, pairs) {
    $(containerId).replaceChildren(...pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  }

  async function config(query) {
    // fetched afresh: the catalog report and the executed operations change while the console is open
    const [configuration, health] = await Promise.all([api('config'), api('metrics/health?' + query)]);
    const catalog = configuration.catalog;
    definitions('config', [
      ['OpenAPI description (MCP_SPEC)', configuration.spec],
      ['Upstream (MCP_UPSTREAM_URL)', configuration.upstream],
      ['Read-only mode (MCP_READ_ONLY)', configuration.readOnly ? 'on: execute runs reading operations only' : 'off'],
      ['Catalog loaded by the MCP endpoint', catalog
        ? number(catalog.operationCount) + ' operations from ' + catalog.source + ' at ' + when(catalog.loadedAt)
        : 'not reported yet by the MCP endpoint'],
      ['Operations executed (last ' + configuration.operationsCalledDays + ' days)', number(configuration.operationsCalled)],
      ['Metrics database', configuration.metrics.database],
      ['Tenants stored', configuration.metrics.tenantMode],
      ['Search texts stored', configuration.metrics.storeQueries ? 'yes' : 'no'],
      ['Retention', configuration.metrics.retentionDays + ' days'],
    ]);
    definitions('recording', [
      ['Database', health.databaseAvailable ? 'available' : 'unavailable: ' + health.databaseProblem],
      ['Calls lost in this time range (stored)', number(health.lostCallsStored)],
      ...health.recorders.map((r, i) => ['Recorder ' + (i + 1) + ' since start',
        number(r.acceptedCalls) + ' accepted, ' + number(r.writtenCalls) + ' written, ' + number(r.lostCalls) + ' lost, '
        + number(r.queuedCalls) + ' queued; last write ' + when(r.lastWrite)
        + (r.lastFailure ? '; last failure: ' + r.lastFailure : '')]),
      ...(health.recorders.length ? [] : [['Recorder', 'no recorder running in this server (the MCP endpoint records calls)']]),
    ]);
  }

  // ---- navigation and refresh ----

  function currentPage() {
    const page = window.location.hash.replace('#', '');
    return PAGES.includes(page) ? page : 'overview';
  }

  let configuration = null;

  async function refresh() {
    const page = currentPage();
    PAGES.forEach((p) => { $('page-' + p).hidden = p !== page; });
    document.querySelectorAll('.tabs a').forEach((a) => a.classList.toggle('active', a.dataset.page === page));
    const query = filterQuery();
    $('export-csv').href = 'api/metrics/export?format=csv&' + query;
    $('export-json').href = 'api/metrics/export?format=json&' + query;
    document.body.dataset.loading = 'true';
    try {
      configuration = configuration || await api('config');
      const health = await api('metrics/health?' + query);
      const lost = health.lostCallsStored + health.recorders.reduce((sum, r) => sum + r.lostCalls, 0);
      if (!health.databaseAvailable) {
        banner('The metrics database is unavailable (' + health.databaseProblem + '): calls are served but not recorded.', 'error');
      } else if (lost > 0) {
        banner(number(lost) + ' calls could not be recorded (recorder queue full or database unavailable); totals miss them.', 'warn');
      } else {
        banner('');
      }
      await ({ overview, operations, failures, tenants, searches, config })[page](query, configuration);
    } catch (error) {
      banner('Could not load this page: ' + error.message, 'error');
    } finally {
      document.body.dataset.loading = 'false';
      document.body.dataset.loaded = page;
    }
  }

  async function start() {
    const session = await api('session');
    $('user').textContent = session.user;
    $('csrf').value = session.csrfToken || '';
    $('range').addEventListener('change', () => {
      document.querySelectorAll('.custom').forEach((label) => { label.hidden = $('range').value !== 'custom'; });
    });
    $('filters').addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
    window.addEventListener('hashchange', refresh);
    await refresh();
  }

  start().catch((error) => banner('The console could not start: ' + error.message, 'error'));
})();
