// The steps every real-client check takes once connected, whichever SDK made the client: search for
// "list affiliates", execute the first hit, print what came back (the Java IT reads the output), close.
// Exits with 1 when execute reports an error.
export async function searchAndExecute(client) {
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
}
