// The benchmark's TypeScript peer. It must do exactly what the C# bench service does
// (bench/Restate.Sdk.Bench.Service): read a JSON list from state, append the input,
// write it back, run one durable step, return the new length.
import * as http2 from "node:http2";
import * as restate from "@restatedev/restate-sdk";

const benchObject = restate.object({
  name: "BenchObject",
  handlers: {
    append: async (ctx: restate.ObjectContext, item: string): Promise<number> => {
      const items = (await ctx.get<string[]>("items")) ?? [];
      items.push(item);
      ctx.set("items", items);
      return await ctx.run("count", () => items.length);
    },
  },
});

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: node service.ts <port>");
  process.exit(2);
}

const server = http2.createServer(restate.createEndpointHandler({ services: [benchObject] }));
server.listen(port, "127.0.0.1", () => console.log(`BenchObject (TypeScript SDK) listening on 127.0.0.1:${port}`));

// Restate keeps its HTTP/2 sessions open, so server.close() would wait for them: exit at once.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => process.exit(0));
}
