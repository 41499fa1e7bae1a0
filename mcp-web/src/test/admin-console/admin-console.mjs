// The admin console as an operator uses it, in the machine's headless Chromium (driven by playwright-core,
// which downloads no browser): the login wall, logging in, MCP calls made meanwhile showing up in the
// charts and tables of every page, the phone layout, logging out. Screenshots go to SCREENSHOT_DIR.
//
// Environment: BASE_URL (http://127.0.0.1:<port>/), ADMIN_USER, ADMIN_PASSWORD, MCP_API_KEY, SCREENSHOT_DIR,
// OK_OPERATION and FAILING_OPERATION (executed through POST /mcp; the caller stubs the upstream so that the
// first answers 200 and the second 500), CHROMIUM (default /usr/bin/chromium).
// Prints one "ok - ..." line per checked behaviour; exits non-zero at the first one that does not hold.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
  ok('searches without results are counted, their texts are not stored');

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
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
    deviceScaleFactor: 2, storageState: await desktop.storageState() });
  const phonePage = await phone.newPage();
  await phonePage.goto(ADMIN);
  await loaded(phonePage, 'overview');
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
  ok('the overview fits a phone-width screen');
  await phonePage.screenshot({ path: join(SHOTS, 'admin-overview-phone.png'), fullPage: true });
  await phone.close();

  // --- logging out ---
  await open(page, 'overview');
  await page.click('#logout-form button');
  await page.waitForURL(/login\.html\?loggedOut/);
  assert.equal((await page.request.get(ADMIN + 'api/metrics/summary')).status(), 401);
  await page.goto(ADMIN);
  assert.match(page.url(), /login\.html$/);
  ok('logging out ends the session: the API answers 401 and pages go to the login form');

  assert.deepEqual(consoleErrors.filter((e) => !/401/.test(e)), [], 'no script errors in the console');
  ok('no script errors in the browser console');
} finally {
  await browser.close();
}
console.log(`${passed} passed, 0 failed`);
