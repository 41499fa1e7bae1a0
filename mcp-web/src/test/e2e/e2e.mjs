// Connects to the server like a real assistant would: the official MCP TypeScript SDK client over
// Streamable HTTP, with the X-Api-Key header. Usage: node e2e.mjs <mcp-url> <api-key>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, apiKey] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { "X-Api-Key": apiKey } },
});
const client = new Client({ name: "e2e", version: "1.0.0" });
await client.connect(transport);

const { tools } = await client.listTools();
console.log("tools: " + tools.map((t) => t.name).sort().join(","));

const found = await client.callTool({ name: "search", arguments: { query: "list affiliates", limit: 5 } });
const first = found.structuredContent.results[0];
console.log("first hit: " + first.operationId);

const executed = await client.callTool({
  name: "execute",
  arguments: { operationId: first.operationId, body: {} },
});
if (executed.isError) {
  console.log("execute failed: " + executed.content[0].text);
  process.exit(1);
}
console.log("status: " + executed.structuredContent.status);
console.log("affiliates: " + JSON.stringify(executed.structuredContent.body.affiliates));
await client.close();
