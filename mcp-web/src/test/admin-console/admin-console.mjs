// The admin console as an operator uses it, in the machine's headless Chromium (driven by playwright-core,
// which downloads no browser): the login wall, logging in, MCP calls made meanwhile showing up in the
// charts and tables of every page (rejected calls and searches without hits included), the drill-down, the
// recent-calls log, filters kept in the URL, a 400 px screen, an accessibility check (axe-core), logging out.
// Screenshots (1366 and 400 px wide) go to SCREENSHOT_DIR.
//
// Environment: BASE_URL (http://127.0.0.1:<port>/), ADMIN_USER, ADMIN_PASSWORD, MCP_API_KEY, SCREENSHOT_DIR,
// OK_OPERATION and FAILING_OPERATION (executed through POST /mcp; the caller stubs the upstream so that the
// first answers 200 and the second 500), CHROMIUM (default /usr/bin/chromium).
// Prints one "ok - ..." line per checked behaviour; exits non-zero at the first one that does not hold.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`environment variable ${name} is required`);
  return value;
};
const BASE = env('BASE_URL');
const USER = env('ADMIN_USER');
const PASSWORD = env('ADMIN_PASSWORD');
const API_KEY = env('MCP_API_KEY');
const SHOTS = env('SCREENSHOT_DIR');
const OK_OPERATION = env('OK_OPERATION');
const FAILING_OPERATION = env('FAILING_OPERATION');
const ADMIN = new URL('admin/', BASE).toString();
mkdirSync(SHOTS, { recursive: true });

let passed = 0;
function ok(what) {
  passed += 1;
  console.log(`ok - ${what}`);
}

let rpcId = 0;
async function mcpCall(tool, args) {
  const response = await fetch(new URL('mcp', BASE), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'X-Api-Key': API_KEY,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method: 'tools/call', params: { name: tool, arguments: args } }),
  });
  assert.equal(response.status, 200, `MCP ${tool} answered HTTP ${response.status}`);
  return (await response.json()).result;
}

async function rawMcp(body, headers = {}) {
  const response = await fetch(new URL('mcp', BASE), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'X-Api-Key': API_KEY, ...headers },
    body,
  });
  return { status: response.status, body: await response.text() };
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's WCAG 2 A/AA rules on the page as it is; serious and critical findings fail the test. */
async function accessible(page, what) {
  // evaluated through the DevTools protocol: the console's Content-Security-Policy rightly refuses injected scripts
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [],
    `accessibility of ${what}`);
  return result.violations.length;
}

async function loaded(page, name) {
  await page.waitForFunction((p) => document.body.dataset.loaded === p && document.body.dataset.loading === 'false', name);
}

async function open(page, name) {
  await page.click(`.tabs a[data-page="${name}"]`);
  await loaded(page, name);
}

async function apply(page, name) {
  await page.evaluate(() => { document.body.dataset.loaded = ''; });
  await page.click('#filters button[type="submit"]');
  await loaded(page, name);
}

const cardValue = (page, label) => page.evaluate((wanted) => {
  const card = [...document.querySelectorAll('#cards .card')].find((c) => c.querySelector('.label').textContent === wanted);
  return card ? Number(card.querySelector('.value').textContent.replace(/[^0-9.]/g, '')) : NaN;
}, label);

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
try {
  const desktop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await desktop.newPage();
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });

  // --- the login wall ---
  const anonymous = await page.request.get(ADMIN + 'api/metrics/summary');
  assert.equal(anonymous.status(), 401);
  const anonymousBody = await anonymous.json();
  assert.equal(anonymousBody.error, 'authentication required');
  assert.equal(anonymousBody.calls, undefined, 'no data without login');
  ok('the API answers 401 with a JSON body and no data before login');

  await page.goto(ADMIN);
  assert.match(page.url(), /\/admin\/login\.html$/);
  ok('the console redirects to the login form before login');

  await page.fill('#username', USER);
  await page.fill('#password', 'not-the-password');
  await page.click('#login-form button');
  await page.waitForURL(/login\.html\?error/);
  assert.match(await page.textContent('#message'), /Wrong user name or password/);
  ok('a wrong password is refused with a message');

  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  await page.click('#login-form button');
  await page.waitForURL(ADMIN);
  await loaded(page, 'overview');
  const cookie = (await desktop.cookies()).find((c) => c.name === 'TRACKDESK_ADMIN_SESSION');
  assert.ok(cookie, 'session cookie set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  ok('logging in opens the overview with an HttpOnly, SameSite=Strict session cookie');

  // --- MCP calls while the console is open ---
  const before = await cardValue(page, 'Calls');
  const search = await mcpCall('search', { query: 'list affiliates' });
  assert.ok(!search.isError, 'search succeeded');
  await mcpCall('search', { query: 'qqqzzzxxx vvvwww' });
  const executed = await mcpCall('execute', { operationId: OK_OPERATION });
  assert.ok(!executed.isError, `execute ${OK_OPERATION} succeeded: ${JSON.stringify(executed).slice(0, 300)}`);
  await mcpCall('execute', { operationId: OK_OPERATION });
  const failed = await mcpCall('execute', { operationId: FAILING_OPERATION });
  assert.ok(failed.isError, `execute ${FAILING_OPERATION} failed as stubbed`);
  const made = 5;

  let after = before;
  for (let attempt = 0; attempt < 30 && after < before + made; attempt++) {
    await page.waitForTimeout(1000);
    await apply(page, 'overview');
    after = await cardValue(page, 'Calls');
  }
  assert.ok(after >= before + made, `calls card went from ${before} to ${after}, expected +${made}`);
  ok(`the overview counts the ${made} MCP calls (${before} -> ${after})`);

  const charted = await page.evaluate(() => ({
    calls: Chart.getChart('chart-calls').data.datasets.flatMap((d) => d.data).reduce((a, b) => a + b, 0),
    errors: Chart.getChart('chart-calls').data.datasets[1].data.reduce((a, b) => a + b, 0),
    p95: Chart.getChart('chart-latency').data.datasets[1].data.filter((v) => v !== null).length,
    errorRate: Chart.getChart('chart-errors').data.datasets[0].data.filter((v) => v !== null && v > 0).length,
  }));
  assert.ok(charted.calls >= made, `calls chart holds ${charted.calls}`);
  assert.ok(charted.errors >= 1, 'errors are charted');
  assert.ok(charted.p95 >= 1, 'latency is charted');
  assert.ok(charted.errorRate >= 1, 'the error rate is charted');
  ok('the calls, error-rate and latency charts show the calls');
  await page.screenshot({ path: join(SHOTS, 'admin-overview-desktop.png'), fullPage: true });

  // --- calls rejected before or by a tool, and a search followed by the execute of what it found ---
  const malformed = await rawMcp('{"jsonrpc": "2.0", "id": 1, "method": ');
  assert.equal(malformed.status, 400, 'malformed JSON is refused');
  const unknownTool = await rawMcp(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'teleport', arguments: {} } }));
  assert.match(unknownTool.body, /"error"/, 'an unknown tool is a JSON-RPC error');
  const emptySearch = await mcpCall('search', { query: '  ' });
  assert.ok(emptySearch.isError, 'an empty search is refused');
  const madeUp = await mcpCall('execute', { operationId: 'AffiliateService_TeleportAffiliates' });
  assert.ok(madeUp.isError, 'an unknown operation is refused');
  const found = await mcpCall('search', { query: OK_OPERATION });
  assert.ok(JSON.stringify(found).includes(OK_OPERATION), 'the exact search finds the operation');
  await mcpCall('execute', { operationId: OK_OPERATION });

  const outcomesShown = async () => page.textContent('#outcomes');
  let outcomes = '';
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.waitForTimeout(1000);
    await apply(page, 'overview');
    outcomes = await outcomesShown();
    if (['MALFORMED_REQUEST', 'UNKNOWN_TOOL', 'VALIDATION', 'UNKNOWN_OPERATION'].every((o) => outcomes.includes(o))) break;
  }
  for (const outcome of ['MALFORMED_REQUEST', 'UNKNOWN_TOOL', 'VALIDATION', 'UNKNOWN_OPERATION', 'UPSTREAM_5XX']) {
    assert.ok(outcomes.includes(outcome), `outcome ${outcome} is counted: ${outcomes}`);
  }
  ok('rejected calls are counted with their reason: malformed JSON, unknown tool, empty query, unknown operation');
  assert.match(await page.textContent('#updated'), /Updated at/);
  const chartRows = await page.$$eval('#chart-calls-table tbody tr', (rows) => rows.length);
  assert.ok(chartRows >= 1, 'the calls chart has a text table');
  assert.equal(await page.getAttribute('#chart-calls', 'role'), 'img');
  ok('every chart has a text table alternative; the page says when it was updated');
  await page.screenshot({ path: join(SHOTS, 'admin-overview-1366.png'), fullPage: true });

  // --- drill-down: one click narrows the whole console, the URL keeps it ---
  await page.evaluate(() => { document.body.dataset.loaded = ''; });
  await page.click('#outcomes button.link:text-is("UNKNOWN_OPERATION")');
  await loaded(page, 'overview');
  assert.match(page.url(), /outcome=UNKNOWN_OPERATION/);
  assert.match(await page.textContent('#active-filters'), /outcome: UNKNOWN_OPERATION/);
  const tools = await page.textContent('#tools');
  assert.ok(tools.includes('execute') && !tools.includes('search'), `only execute calls are left: ${tools}`);
  await page.reload();
  await loaded(page, 'overview');
  assert.equal(await page.inputValue('#outcome'), 'UNKNOWN_OPERATION', 'a reload keeps the filter');
  await open(page, 'failures');
  const madeUpNames = await page.textContent('#failures');
  assert.ok(madeUpNames.includes('AffiliateService_TeleportAffiliates'), `the attempted name is shown: ${madeUpNames}`);
  await page.evaluate(() => { document.body.dataset.loaded = ''; });
  await page.click('#active-filters button.chip');
  await loaded(page, 'failures');
  assert.doesNotMatch(page.url(), /outcome=/);
  ok('clicking an outcome narrows every page to it, kept in the URL; the made-up operation name is shown');

  await open(page, 'calls');
  const log = await page.textContent('#recent-calls');
  for (const text of ['MALFORMED_REQUEST', 'UNKNOWN_TOOL', 'AffiliateService_TeleportAffiliates', OK_OPERATION, 'UPSTREAM_5XX']) {
    assert.ok(log.includes(text), `the recent-calls log shows ${text}`);
  }
  assert.ok(!log.includes(API_KEY), 'no key in the log');
  const firstRow = await page.$$eval('#recent-calls tbody tr:first-child td', (cells) => cells.map((c) => c.textContent));
  assert.equal(firstRow.length, 9, `time, tenant, tool, operation, outcome, status, latency, size, hits: ${firstRow}`);
  if (!(await page.isDisabled('#calls-older'))) {
    await page.evaluate(() => { document.body.dataset.loaded = ''; });
    await page.click('#calls-older');
    await loaded(page, 'calls');
    assert.match(await page.textContent('#calls-position'), /Calls 26–/);
    await page.evaluate(() => { document.body.dataset.loaded = ''; });
    await page.click('#calls-newer');
    await loaded(page, 'calls');
  }
  ok('the recent-calls log lists each call with its outcome, status, latency and size, newest first, paged');
  await page.screenshot({ path: join(SHOTS, 'admin-calls-1366.png'), fullPage: true });

  await open(page, 'operations');
  const operations = await page.textContent('#operations');
  assert.ok(operations.includes(OK_OPERATION), 'top operations list the executed operation');
  ok('top operations list the executed operation');
  await page.screenshot({ path: join(SHOTS, 'admin-operations-desktop.png'), fullPage: true });

  await open(page, 'failures');
  const failures = await page.textContent('#failures');
  assert.ok(failures.includes(FAILING_OPERATION), 'the failing operation is listed');
  assert.match(failures, /UPSTREAM_5XX 500/);
  ok('failing operations show the failure and its kind');

  await open(page, 'tenants');
  const tenants = await page.$$eval('#tenants tbody tr td:first-child', (cells) => cells.map((c) => c.textContent));
  assert.ok(tenants.length > 0 && tenants.every((t) => /^t-[0-9a-f]{16}$/.test(t)), `tenants are hashed: ${tenants}`);
  ok('tenants are shown as salted hashes only');
  await page.fill('#tenant', 'acme');
  await apply(page, 'tenants');
  assert.equal(await page.$$eval('#tenants tbody tr', (rows) => rows.length), 1, 'filtering by the name finds its label');
  await page.fill('#tenant', 'no-such-tenant');
  await apply(page, 'tenants');
  assert.match(await page.textContent('#tenants'), /No calls/);
  await page.fill('#tenant', '');
  await apply(page, 'tenants');
  ok('the tenant filter finds a hashed tenant by its name and nothing for others');

  await open(page, 'searches');
  const zero = await page.evaluate(() => Number(document.querySelectorAll('#search-cards .value')[1].textContent.replace(/\D/g, '')));
  assert.ok(zero >= 1, 'the search without hits is counted');
  assert.match(await page.textContent('#search-hint'), /not stored/);
  const searchTexts = await page.$$eval('#searches tbody td:first-child', (cells) => cells.map((c) => c.textContent));
  assert.ok(searchTexts.length > 0 && searchTexts.every((t) => t === '(text not stored)'), `no blank search text cell: ${searchTexts}`);
  ok('searches without results are counted, their texts are not stored');
  const afterSearch = await page.textContent('#after-search');
  assert.ok(afterSearch.includes(OK_OPERATION), `the operation executed right after its search is listed: ${afterSearch}`);
  assert.match(await page.textContent('#follow-up-hint'), /searches were followed/);
  ok('search quality: searches followed by an execute, and what was executed right after being found');
  await page.screenshot({ path: join(SHOTS, 'admin-searches-1366.png'), fullPage: true });
  const desktopFindings = await accessible(page, 'the searches page');
  await open(page, 'overview');
  await accessible(page, 'the overview');
  ok(`no serious accessibility violations (axe-core, WCAG 2 A/AA; ${desktopFindings} minor findings)`);

  await open(page, 'config');
  const config = await page.textContent('#config');
  assert.match(config, /Upstream/);
  assert.match(await page.textContent('#recording'), /accepted/);
  ok('the configuration page shows settings and the recorder');
  await page.screenshot({ path: join(SHOTS, 'admin-config-desktop.png'), fullPage: true });

  const csv = await page.request.get(new URL(await page.getAttribute('#export-csv', 'href'), ADMIN).toString());
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), new RegExp(OK_OPERATION));
  const json = await page.request.get(new URL(await page.getAttribute('#export-json', 'href'), ADMIN).toString());
  assert.ok((await json.json()).some((row) => row.operationId === OK_OPERATION));
  ok('CSV and JSON exports hold the aggregates');

  // --- a phone ---
  const phone = await browser.newContext({ viewport: { width: 400, height: 844 }, isMobile: true, hasTouch: true,
    deviceScaleFactor: 2, storageState: await desktop.storageState() });
  const phonePage = await phone.newPage();
  await phonePage.goto(ADMIN);
  await loaded(phonePage, 'overview');
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
  ok('the overview fits a phone-width screen');
  await phonePage.screenshot({ path: join(SHOTS, 'admin-overview-phone.png'), fullPage: true });
  await phonePage.screenshot({ path: join(SHOTS, 'admin-overview-400.png'), fullPage: true });
  const tabs = await phonePage.evaluate(() => {
    const strip = document.querySelector('.tabs');
    return { scrolls: strip.scrollWidth > strip.clientWidth, overflow: getComputedStyle(strip).overflowX };
  });
  assert.ok(tabs.scrolls && tabs.overflow === 'auto', `the tabs scroll sideways at 400 px: ${JSON.stringify(tabs)}`);
  await phonePage.click('.tabs a[data-page="calls"]');
  await loaded(phonePage, 'calls');
  const logTable = await phonePage.evaluate(() => {
    const box = document.querySelector('#recent-calls');
    return { scrolls: box.scrollWidth > box.clientWidth, overflow: getComputedStyle(box).overflowX,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth };
  });
  assert.ok(logTable.scrolls && logTable.overflow === 'auto' && logTable.pageOverflow <= 1,
    `the calls table scrolls inside its box, the page does not: ${JSON.stringify(logTable)}`);
  await phonePage.screenshot({ path: join(SHOTS, 'admin-calls-400.png'), fullPage: true });
  await accessible(phonePage, 'the recent calls at 400 px');
  ok('at 400 px the tabs and tables scroll sideways inside their boxes; the page itself does not');
  await phone.close();

  // --- logging out ---
  await open(page, 'overview');
  await page.click('#logout-form button');
  await page.waitForURL(/login\.html\?loggedOut/);
  const afterLogout = await page.request.get(ADMIN + 'api/metrics/summary');
  assert.equal(afterLogout.status(), 401);
  assert.doesNotMatch(afterLogout.headers()['www-authenticate'] || '', /^Basic/i, 'no browser password dialog after logout');
  await page.goto(ADMIN);
  assert.match(page.url(), /login\.html$/);
  ok('logging out ends the session: the API answers 401 (no Basic challenge) and pages go to the login form');
  await page.goto(ADMIN + 'login.html?error=throttled&retry=90');
  assert.match(await page.textContent('#message'), /Too many wrong passwords.*90 seconds/);
  await page.goto(ADMIN + 'login.html?error=expired');
  assert.match(await page.textContent('#message'), /session has ended/);
  await accessible(page, 'the login page');
  ok('the login form explains a lockout and an ended session');

  assert.deepEqual(consoleErrors.filter((e) => !/401/.test(e)), [], 'no script errors in the console');
  ok('no script errors in the browser console');
} finally {
  await browser.close();
}
console.log(`${passed} passed, 0 failed`);
