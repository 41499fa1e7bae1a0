// The admin console: reads the JSON API under api/ and renders pages, tables and charts (Chart.js).
// All data goes into the page as text (textContent), never as HTML: tenant names, operation ids and
// search texts come from outside. The filters live in the URL (query string; the page is the #hash), so a
// view can be bookmarked, shared and reloaded; clicking an operation, tenant, tool or outcome narrows the
// whole console to it (drill-down).
(function () {
  'use strict';

  const RANGES = { PT1H: 3600e3, PT6H: 6 * 3600e3, PT24H: 24 * 3600e3, P7D: 7 * 86400e3, P30D: 30 * 86400e3 };
  const PAGES = ['overview', 'operations', 'failures', 'tenants', 'searches', 'calls', 'config'];
  const DRILL_DOWN = ['tool', 'operation', 'outcome'];
  const REFRESH_SECONDS = 30;
  const CALLS_PER_PAGE = 25;
  const charts = {};
  const $ = (id) => document.getElementById(id);
  let callsPage = 0;
  let refreshTimer = null;

  // ---- talking to the API ----

  async function api(path) {
    const response = await fetch('api/' + path, {
      headers: { 'X-Requested-With': 'trackdesk-console', Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (response.status === 401) {
      // logged out elsewhere or the session ended: back to the form, which says so
      window.location.assign('login.html?error=expired');
      throw new Error('not logged in');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error((body.error || 'HTTP ' + response.status) + (body.detail ? ': ' + body.detail : ''));
    }
    return body;
  }

  // ---- filters, kept in the URL ----

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    const range = params.get('range');
    $('range').value = RANGES[range] || range === 'custom' ? range : 'PT24H';
    $('since').value = params.get('since') || '';
    $('until').value = params.get('until') || '';
    $('tenant').value = params.get('tenant') || '';
    DRILL_DOWN.forEach((name) => { $(name).value = params.get(name) || ''; });
    $('auto-refresh').checked = params.get('refresh') !== 'off';
    showCustomRange();
  }

  function writeUrl() {
    const params = new URLSearchParams();
    params.set('range', $('range').value);
    if ($('range').value === 'custom') {
      ['since', 'until'].forEach((name) => { if ($(name).value) params.set(name, $(name).value); });
    }
    ['tenant', ...DRILL_DOWN].forEach((name) => { if ($(name).value.trim()) params.set(name, $(name).value.trim()); });
    if (!$('auto-refresh').checked) params.set('refresh', 'off');
    const url = '?' + params + window.location.hash;
    if (url !== window.location.search + window.location.hash) {
      window.history.replaceState(null, '', url);
    }
  }

  function showCustomRange() {
    document.querySelectorAll('.custom').forEach((label) => { label.hidden = $('range').value !== 'custom'; });
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
    ['tenant', ...DRILL_DOWN].forEach((name) => {
      const value = $(name).value.trim();
      if (value) params.set(name, value);
    });
    return params;
  }

  /** Narrows the whole console to one value, e.g. drill('operation', 'AffiliateService_ListAffiliates'). */
  function drill(name, value) {
    $(name).value = value;
    callsPage = 0;
    refresh();
  }

  function drillLink(name, value, text) {
    if (value === null || value === undefined || value === '') {
      return el('span', { class: 'muted' }, text || '—');
    }
    return el('button', { type: 'button', class: 'link', title: 'Show only ' + name + ' ' + value,
      onclick: () => drill(name, value) }, text || value);
  }

  function showActiveFilters() {
    const active = ['tenant', ...DRILL_DOWN].filter((name) => $(name).value.trim());
    $('active-filters').replaceChildren(...(active.length ? [el('span', { class: 'muted' }, 'Showing only:')] : []),
      ...active.map((name) => el('button', { type: 'button', class: 'chip filter', title: 'Remove this filter',
        'aria-label': 'Remove filter ' + name + ' ' + $(name).value,
        onclick: () => drill(name, '') }, name + ': ' + $(name).value.trim() + ' ×')));
    $('active-filters').hidden = active.length === 0;
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

  // ---- charts: one bar or line per bucket, zero-filled by the API; a table says the same in text ----

  function bucketName(minutes) {
    if (minutes >= 1440) return 'day';
    if (minutes >= 60) return minutes === 60 ? 'hour' : (minutes / 60) + ' hours';
    return minutes === 1 ? 'minute' : minutes + ' minutes';
  }

  function timeLabel(iso, bucketMinutes) {
    const date = new Date(iso);
    if (bucketMinutes >= 1440) return date.toLocaleDateString([], { month: 'short', day: 'numeric' });
    if (bucketMinutes >= 60) return date.toLocaleString([], { month: 'short', day: 'numeric', hour: 'numeric' });
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function chart(id, type, datasets, labels, yTitle, extraOptions) {
    const options = {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { display: datasets.length > 1 } },
      scales: {
        x: { stacked: type === 'bar', ticks: { maxTicksLimit: 4, autoSkip: true, autoSkipPadding: 16, maxRotation: 0 },
          title: { display: true, text: 'time (your time zone)' } },
        y: { stacked: type === 'bar', beginAtZero: true, suggestedMax: 1, title: { display: true, text: yTitle },
          ticks: extraOptions && extraOptions.integers ? { precision: 0 } : {} },
      },
    };
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new Chart($(id), { type, data: { labels, datasets }, options });
  }

  /** The chart's numbers as a table, for screen readers and for reading exact values; an empty chart says so. */
  function chartText(id, headers, rows, anyCalls) {
    $(id + '-empty').hidden = anyCalls;
    table(id + '-table', headers, rows);
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
    const per = bucketName(series.bucketMinutes);
    const points = series.points;
    const labels = points.map((p) => timeLabel(p.at, series.bucketMinutes));
    const anyCalls = points.some((p) => p.calls > 0);
    document.querySelectorAll('.per-bucket').forEach((node) => { node.textContent = 'per ' + per; });
    chart('chart-calls', 'bar', [
      { label: 'OK', data: points.map((p) => p.calls - p.errors), backgroundColor: '#2563eb' },
      { label: 'Errors', data: points.map((p) => p.errors), backgroundColor: '#dc2626' },
    ], labels, 'calls per ' + per, { integers: true });
    chart('chart-errors', 'line', [
      { label: 'Error rate', data: points.map((p) => (p.calls ? (100 * p.errors) / p.calls : null)),
        borderColor: '#dc2626', backgroundColor: '#dc2626', spanGaps: false, pointRadius: 3 },
    ], labels, 'failed calls (%)');
    chart('chart-latency', 'line', [
      { label: 'p50', data: points.map((p) => (p.calls ? p.p50Micros / 1000 : null)), borderColor: '#2563eb', backgroundColor: '#2563eb', pointRadius: 3 },
      { label: 'p95', data: points.map((p) => (p.calls ? p.p95Micros / 1000 : null)), borderColor: '#d97706', backgroundColor: '#d97706', pointRadius: 3 },
    ], labels, 'latency (ms)');
    const busy = points.filter((p) => p.calls > 0);
    chartText('chart-calls', ['From', 'Calls', 'OK', 'Errors'],
      busy.map((p) => [when(p.at), number(p.calls), number(p.calls - p.errors), number(p.errors)]), anyCalls);
    chartText('chart-errors', ['From', 'Calls', 'Error rate'],
      busy.map((p) => [when(p.at), number(p.calls), percent(p.errors / p.calls)]), anyCalls);
    chartText('chart-latency', ['From', 'Calls', 'p50', 'p95'],
      busy.map((p) => [when(p.at), number(p.calls), millis(p.p50Micros), millis(p.p95Micros)]), anyCalls);
    table('outcomes', ['Outcome', 'Calls'], summary.byOutcome.map((o) => [drillLink('outcome', o.name), number(o.calls)]));
    table('tools', ['Tool', 'Calls', 'Errors'], summary.byTool.map((t) => [drillLink('tool', t.name), number(t.calls), number(t.errors)]));
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
      rows.map((o) => [o.tool, drillLink('operation', o.operationId === '(none)' ? '' : o.operationId, o.operationId),
        number(o.calls), number(o.errors), percent(o.errorRate),
        millis(o.p50Micros), millis(o.p95Micros), bytes(o.averageResponseBytes), number(o.truncatedCalls)]),
      'No execute calls in this time range.');
  }

  async function failures(query) {
    const rows = await api('metrics/failures?' + query);
    table('failures', ['Tool', 'Operation', 'Calls', 'Errors', 'Error rate', 'How they failed'],
      rows.map((f) => [drillLink('tool', f.tool), drillLink('operation', f.operationId === '(none)' ? '' : f.operationId, f.operationId),
        number(f.calls), number(f.errors), percent(f.errorRate),
        el('span', { class: 'chips' }, f.breakdown.map((b) =>
          el('button', { type: 'button', class: 'chip', title: 'Show only outcome ' + b.outcome, onclick: () => drill('outcome', b.outcome) },
            b.outcome + (b.httpStatus ? ' ' + b.httpStatus : '') + ' × ' + number(b.calls))))]),
      'No failed calls in this time range.');
  }

  async function tenants(query, configuration) {
    const rows = await api('metrics/tenants?' + query);
    $('tenant-hint').textContent = configuration.metrics.tenantMode === 'hashed'
      ? 'Tenants are stored as salted hashes (t-…). Type a tenant name into the filter to find its label.'
      : 'Tenants are stored by name (MCP_METRICS_TENANT_MODE=plain).';
    // the last active period comes from the rollups: a minute for recent calls, an hour for older ones
    table('tenants', ['Tenant', 'Calls', 'Errors', 'Error rate', 'Last active (minute or hour from)'],
      rows.map((t) => [drillLink('tenant', t.tenant), number(t.calls), number(t.errors), percent(t.errorRate), when(t.lastSeen)]));
  }

  async function searches(query) {
    const [quality, followUp] = await Promise.all([api('metrics/searches?' + query), api('metrics/search-follow-up?' + query)]);
    cards('search-cards', [
      ['Searches', number(quality.searches)],
      ['No results', number(quality.zeroResults), quality.zeroResults ? 'warn' : ''],
      ['1–' + quality.fewMeans + ' results', number(quality.fewResults)],
      ['Not followed by an execute', number(followUp.trackedSearches - followUp.followed),
        followUp.trackedSearches > followUp.followed ? 'warn' : ''],
    ]);
    $('search-hint').textContent = quality.queryTextsStored ? ''
      : 'Search texts are not stored (set MCP_METRICS_STORE_QUERIES=true to see them); searches are grouped as "(text not stored)".';
    table('searches', ['Search text', 'Searches', 'Most hits', 'Last'],
      quality.poorSearches.map((s) => [s.queryText === null || s.queryText === undefined
        ? el('em', {}, '(text not stored)') : s.queryText,
      number(s.searches), number(s.mostHits), when(s.lastAt)]), 'No search with no or few results in this time range.');
    $('follow-up-hint').textContent = 'A search counts as followed when the same client (told apart by a salted hash of its '
      + 'address and User-Agent, never by its key) called execute within ' + followUp.withinMinutes + ' minutes. '
      + number(followUp.followed) + ' of ' + number(followUp.trackedSearches) + ' searches were followed.'
      + (followUp.sampled ? ' Only the newest searches of this range were examined.' : '');
    table('after-search', ['Operation', 'Executed right after a search found it', 'Of these failed'],
      followUp.executedAfterSearch.map((o) => [drillLink('operation', o.name), number(o.calls), number(o.errors)]),
      'No operation was executed right after a search found it in this time range.');
  }

  async function calls(query) {
    query.set('page', String(callsPage));
    query.set('size', String(CALLS_PER_PAGE));
    const result = await api('metrics/calls?' + query);
    table('recent-calls', ['Time', 'Tenant', 'Tool', 'Operation', 'Outcome', 'Status', 'Latency', 'Size', 'Hits'],
      result.calls.map((c) => [when(c.at), drillLink('tenant', c.tenant), drillLink('tool', c.tool),
        drillLink('operation', c.operationId, c.operationId || '—'), drillLink('outcome', c.outcome),
        c.httpStatus ? String(c.httpStatus) : '—', millis(c.latencyMicros), bytes(c.responseBytes),
        c.resultCount === null || c.resultCount === undefined ? '—' : number(c.resultCount)]),
      callsPage === 0 ? 'No calls in this time range.' : 'No older calls.');
    $('calls-newer').disabled = callsPage === 0;
    $('calls-older').disabled = !result.hasMore;
    $('calls-position').textContent = result.calls.length
      ? 'Calls ' + number(callsPage * CALLS_PER_PAGE + 1) + '–' + number(callsPage * CALLS_PER_PAGE + result.calls.length) + ', newest first'
      : '';
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

  const RENDERERS = { overview, operations, failures, tenants, searches, calls, config };

  // ---- navigation and refresh ----

  function currentPage() {
    const page = window.location.hash.replace('#', '');
    return PAGES.includes(page) ? page : 'overview';
  }

  let configuration = null;
  let loading = null;

  async function refresh() {
    if (loading) {
      await loading; // one refresh at a time; the next one sees the newest filters
    }
    loading = load().finally(() => { loading = null; });
    return loading;
  }

  async function load() {
    const page = currentPage();
    PAGES.forEach((p) => { $('page-' + p).hidden = p !== page; });
    document.querySelectorAll('.tabs a').forEach((a) => {
      a.classList.toggle('active', a.dataset.page === page);
      if (a.dataset.page === page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    writeUrl();
    showActiveFilters();
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
      await RENDERERS[page](query, configuration);
      $('updated').textContent = 'Updated at ' + new Date().toLocaleTimeString();
    } catch (error) {
      banner('Could not load this page: ' + error.message, 'error');
    } finally {
      document.body.dataset.loading = 'false';
      document.body.dataset.loaded = page;
      scheduleRefresh();
    }
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    if ($('auto-refresh').checked) {
      refreshTimer = setTimeout(() => { if (!document.hidden) refresh(); else scheduleRefresh(); }, REFRESH_SECONDS * 1000);
    }
  }

  async function start() {
    readUrl();
    const session = await api('session');
    $('user').textContent = session.user;
    $('csrf').value = session.csrfToken || '';
    $('range').addEventListener('change', showCustomRange);
    $('filters').addEventListener('submit', (event) => { event.preventDefault(); callsPage = 0; refresh(); });
    $('auto-refresh').addEventListener('change', () => { writeUrl(); scheduleRefresh(); });
    $('calls-newer').addEventListener('click', () => { callsPage = Math.max(0, callsPage - 1); refresh(); });
    $('calls-older').addEventListener('click', () => { callsPage += 1; refresh(); });
    window.addEventListener('hashchange', refresh);
    window.addEventListener('popstate', () => { readUrl(); refresh(); });
    await refresh();
  }

  start().catch((error) => banner('The console could not start: ' + error.message, 'error'));
}());
