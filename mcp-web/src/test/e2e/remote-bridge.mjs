// Talks to the server the way Claude Desktop does with remote servers that need headers: through
// mcp-remote, a stdio <-> Streamable HTTP bridge started as a local process.
// Usage: node remote-bridge.mjs <mcp-url> <api-key>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const [url, apiKey] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [join(here, "node_modules/mcp-remote/dist/proxy.js"), url, "--transport", "http-only",
         "--header", "X-Api-Key:${TRACKDESK_API_KEY}"],
  env: { ...process.env, TRACKDESK_API_KEY: apiKey, MCP_REMOTE_CONFIG_DIR: join(here, ".mcp-remote") },
  stderr: "pipe",
});
const client = new Client({ name: "bridge-e2e", version: "1.0.0" });
await client.connect(transport);
const { tools } = await client.listTools();
console.log("tools: " + tools.map((t) => t.name).sort().join(","));
const found = await client.callTool({ name: "search", arguments: { query: "list affiliates", limit: 3 } });
console.log("first hit: " + found.structuredContent.results[0].operationId);
const executed = await client.callTool({ name: "execute", arguments: { operationId: "TagsService_ListTags" } });
console.log("execute status: " + executed.structuredContent?.status + " isError: " + executed.isError);
if (executed.isError) {
  console.log("execute failed: " + executed.content?.[0]?.text);
}
await client.close();
