// The OAuth sign-in page as a person uses it, in the machine's headless Chromium (playwright-core): the page names
// the client and the program, the token field is a labelled password field, a wrong token shows the explanation
// and no redirect, the right one sends the browser back to the client's redirect URI with a code and the state.
// Environment: AUTHORIZE_URL (a complete authorization request), REDIRECT_URI, API_KEY, WRONG_API_KEY,
// SCREENSHOT_DIR, CHROMIUM (default /usr/bin/chromium).
// Prints "ok - ..." lines and finally "code=<code>"; exits non-zero at the first check that does not hold.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`environment variable ${name} is required`);
  return value;
};
const AUTHORIZE_URL = env('AUTHORIZE_URL');
const REDIRECT_URI = env('REDIRECT_URI');
const SHOTS = env('SCREENSHOT_DIR');
mkdirSync(SHOTS, { recursive: true });

const browser = await chromium.launch({ executablePath: env('CHROMIUM', '/usr/bin/chromium'), headless: true,
  args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  let arrived;
  // the client's redirect URI: nobody listens there, the browser's arrival is what counts
  await page.route(`${REDIRECT_URI}**`, (route) => {
    arrived = route.request().url();
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>signed in</p>' });
  });

  await page.goto(AUTHORIZE_URL);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Connect to Trackdesk' }).waitFor());
  assert.match(await page.textContent('main'), /Browser Assistant/);
  assert.match(await page.textContent('main'), /Settings → Integrations → Personal access tokens/);
  const field = page.getByLabel('Personal access token');
  assert.equal(await field.getAttribute('type'), 'password');
  await page.screenshot({ path: join(SHOTS, 'oauth-sign-in.png'), fullPage: true });
  console.log('ok - the sign-in page names the client, says where tokens are made, and has a labelled password field');

  await field.fill(env('WRONG_API_KEY'));
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /did not accept this personal access token/);
  assert.equal(arrived, undefined);
  assert.equal(await page.getByLabel('Personal access token').inputValue(), '', 'the wrong token is not echoed');
  await page.screenshot({ path: join(SHOTS, 'oauth-sign-in-wrong-token.png'), fullPage: true });
  console.log('ok - a wrong token shows the explanation and sends nothing back');

  await page.getByLabel('Personal access token').fill(env('API_KEY'));
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.waitForURL(`${REDIRECT_URI}**`);
  const back = new URL(arrived);
  assert.equal(back.searchParams.get('state'), new URL(AUTHORIZE_URL).searchParams.get('state'));
  assert.ok(back.searchParams.get('code'));
  console.log('ok - the right token sends the browser back to the client with a code and the state');
  console.log(`code=${back.searchParams.get('code')}`);
} finally {
  await browser.close();
}
