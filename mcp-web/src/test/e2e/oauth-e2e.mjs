// A client without custom headers connects the way ChatGPT, claude.ai and Claude Desktop connectors do: the
// official MCP TypeScript SDK client (v1) with its OAuth client provider. Discovery (401 → protected resource
// metadata → authorization server metadata) → dynamic registration → the sign-in form submitted as a browser
// would (GET the page with its cookie, POST the personal access token) → code → tokens → tools → refresh →
// the personal access token is revoked upstream (through WireMock's admin API) → the next refresh ends the grant.
// Usage: node oauth-e2e.mjs <mcp-url> <personal-access-token> <wiremock-admin-base-url>
// Prints one "ok - ..." line per step; exits non-zero at the first one that does not hold.
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError, auth } from '@modelcontextprotocol/sdk/client/auth.js';

const [mcpUrl, pat, wiremock] = process.argv.slice(2);
const REDIRECT = 'http://127.0.0.1:43117/callback';
const ok = (what) => console.log(`ok - ${what}`);

/** Keeps everything in memory, as a desktop client keeps it in its own store. */
class MemoryProvider {
  constructor() {
    this.saved = {};
    this.authorizationUrl = undefined;
    this.invalidated = [];
  }
  get redirectUrl() { return REDIRECT; }
  get clientMetadata() {
    return { client_name: 'E2E Assistant', redirect_uris: [REDIRECT], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() { return 'e2e-state-' + Date.now(); }
  clientInformation() { return this.saved.client; }
  saveClientInformation(info) { this.saved.client = info; }
  tokens() { return this.saved.tokens; }
  saveTokens(tokens) { this.saved.tokens = tokens; }
  redirectToAuthorization(url) { this.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.saved.verifier = verifier; }
  codeVerifier() { return this.saved.verifier; }
  invalidateCredentials(scope) {
    this.invalidated.push(scope);
    if (scope === 'all' || scope === 'tokens') delete this.saved.tokens;
  }
}

/** What a browser does with the sign-in page: load it (keeping its cookie), fill in the token, submit. */
async function signInAsABrowser(authorizationUrl) {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  assert.equal(page.status, 200, 'sign-in page');
  const html = await page.text();
  assert.match(html, /E2E Assistant/);
  assert.match(html, /Personal access tokens/);
  const cookie = page.headers.get('set-cookie').split(';')[0];
  const sealed = html.match(/name="request" value="([^"]+)"/)[1];
  const form = new URLSearchParams({ request: sealed, api_key: pat, access: 'full', decision: 'allow' });
  const answer = await fetch(new URL('/oauth/authorize', authorizationUrl), {
    method: 'POST', redirect: 'manual', body: form,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
  });
  assert.equal(answer.status, 303, 'sign-in redirects back to the client');
  const back = new URL(answer.headers.get('location'));
  assert.equal(back.origin + back.pathname, REDIRECT);
  assert.equal(back.searchParams.get('state'), authorizationUrl.searchParams.get('state'));
  return back.searchParams.get('code');
}

const provider = new MemoryProvider();
const connect = async () => {
  const client = new Client({ name: 'e2e-oauth', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
  return client;
};

// 1. no token yet: the SDK discovers, registers and asks us to open the sign-in page
const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
await assert.rejects(new Client({ name: 'e2e-oauth', version: '1.0.0' }).connect(first), UnauthorizedError);
assert.ok(provider.saved.client?.client_id, 'registered');
assert.ok(provider.authorizationUrl, 'authorization URL');
assert.equal(provider.authorizationUrl.searchParams.get('code_challenge_method'), 'S256');
assert.equal(provider.authorizationUrl.searchParams.get('resource'), mcpUrl);
ok('discovery and dynamic registration, then a redirect to the sign-in page');

// 2. sign in, finish
const code = await signInAsABrowser(provider.authorizationUrl);
await first.finishAuth(code);
assert.ok(provider.saved.tokens?.access_token && provider.saved.tokens?.refresh_token);
ok('sign-in form accepted the personal access token; code exchanged for tokens');

// 3. the tools, with the Bearer token only
let client = await connect();
const { tools } = await client.listTools();
assert.deepEqual(tools.map((t) => t.name).sort(), ['execute', 'search']);
const executed = await client.callTool({ name: 'execute', arguments: { operationId: 'AffiliateService_ListAffiliates', body: {} } });
assert.equal(executed.isError, false, JSON.stringify(executed.content));
assert.equal(executed.structuredContent.status, 200);
await client.close();
ok('execute reached the upstream through the OAuth connection');

// 4. refresh: new access and refresh token, and they work
const before = provider.saved.tokens;
assert.equal(await auth(provider, { serverUrl: mcpUrl }), 'AUTHORIZED');
assert.notEqual(provider.saved.tokens.refresh_token, before.refresh_token);
assert.notEqual(provider.saved.tokens.access_token, before.access_token);
client = await connect();
await client.listTools();
await client.close();
ok('refresh rotated the tokens');

// 5. the user revokes the personal access token in Trackdesk: the next refresh ends the grant
const revoke = await fetch(new URL('/__admin/mappings', wiremock), {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ priority: 1, request: { method: 'ANY', urlPattern: '.*', headers: { 'X-Api-Key': { equalTo: pat } } },
    response: { status: 401, jsonBody: { code: 16, message: 'The API key has been revoked.', details: [] } } }),
});
assert.equal(revoke.status, 201);
provider.authorizationUrl = undefined;
const outcome = await auth(provider, { serverUrl: mcpUrl });
assert.equal(outcome, 'REDIRECT', 'the client has to sign in again');
assert.ok(provider.invalidated.includes('tokens') || provider.invalidated.includes('all'), 'tokens dropped');
assert.equal(provider.saved.tokens, undefined);
ok('a revoked personal access token ended the grant at the next refresh');
