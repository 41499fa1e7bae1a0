// The official MCP TypeScript client v2 (@modelcontextprotocol/client) in one of its version-negotiation
// modes, connecting like a real assistant would (Streamable HTTP with the X-Api-Key header), then listing the
// tools, searching and executing. Usage: node e2e-v2.mjs <mcp-url> <api-key> <legacy|auto|2026-07-28>
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { searchAndExecute } from "./search-and-execute.mjs";

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

await searchAndExecute(client);
