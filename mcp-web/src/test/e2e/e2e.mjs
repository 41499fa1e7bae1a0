// Connects to the server like a real assistant would: the official MCP TypeScript SDK client over
// Streamable HTTP, with the X-Api-Key header. Usage: node e2e.mjs <mcp-url> <api-key>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { searchAndExecute } from "./search-and-execute.mjs";

const [url, apiKey] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { "X-Api-Key": apiKey } },
});
const client = new Client({ name: "e2e", version: "1.0.0" });
await client.connect(transport);

const { tools } = await client.listTools();
console.log("tools: " + tools.map((t) => t.name).sort().join(","));

await searchAndExecute(client);
