// The official MCP TypeScript client v2 (@modelcontextprotocol/client) in one of its version-negotiation
// modes, connecting like a real assistant would (Streamable HTTP with the X-Api-Key header), then listing the
// tools, searching and executing. Usage: node e2e-v2.mjs <mcp-url> <api-key> <legacy|auto|2026-07-28>
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";

const [url, apiKey, modeArg] = process.argv.slice(2);
const mode = modeArg === "legacy" || modeArg === "auto" ? modeArg : { pin: modeArg };
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { "X-Api-Key": apiKey } },
});
const client = new Client({ name: "e2e-v2", version: "1.0.0" }, { versionNegotiation: { mode } });
await client.connect(transport);
console.log("era: " + client.getProtocolEra() + " version: " + client.getNegotiatedProtocolVersion());

const { tools } = await client.listTools();
console.log("tools: " + tools.map((t) => t.name).join(","));

const found = await client.callTool({ name: "search", arguments: { query: "list affiliates", limit: 5 } });
const first = found.structuredContent.results[0];
console.log("first hit: " + first.operationId);

const executed = await client.callTool({ name: "execute", arguments: { operationId: first.operationId, body: {} } });
if (executed.isError) {
  console.log("execute failed: " + executed.content[0].text);
  process.exit(1);
}
console.log("status: " + executed.structuredContent.status);
console.log("affiliates: " + JSON.stringify(executed.structuredContent.body.affiliates));
await client.close();
