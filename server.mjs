// The app's HTTP server: static assets from the Vite build, everything else through Remix.
// `npm start` runs it in production; `npm run demo` runs it with the offline demo wiring.
import path from "node:path";
import express from "express";
import { createRequestHandler } from "@remix-run/express";

const root = path.dirname(new URL(import.meta.url).pathname);
const port = Number(process.env.PORT || 3000);
process.env.NODE_ENV ??= "production";

const build = await import(path.join(root, "build", "server", "index.js"));

// The offline demo (npm run demo, run under tsx): Shopify is replaced by the local stand-in.
// Never in production, whatever CLAUSE_DEMO says.
if (process.env.CLAUSE_DEMO === "1" && process.env.NODE_ENV !== "production") {
  const { installDemoEdge } = await import("./tests/standin/demo-edge.ts");
  const { shops, standIn } = installDemoEdge({ appUrl: `http://localhost:${port}`, secret: process.env.SHOPIFY_API_SECRET });
  console.log(`Demo: Admin API stand-in serving ${shops.length} shops`);
  // Return cases in every demo shop, opened through the real intake service (old ones replaced).
  const { seedDemoCases, describeDemoCases } = await import("./tests/standin/demo-cases.ts");
  const { createDb } = await import("./app/db.server.ts");
  const db = createDb(process.env.DATABASE_URL);
  try {
    for (const line of describeDemoCases(await seedDemoCases({ db, standIn }))) console.log(line);
  } catch (error) {
    console.error("Demo: could not seed the return cases; the demo starts without them.", error);
  } finally {
    await db.$disconnect();
  }
}
const app = express();
app.disable("x-powered-by");
app.use("/assets", express.static(path.join(root, "build", "client", "assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "build", "client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = app.listen(port, () => {
  console.log(`Clause listening on http://localhost:${port} (${process.env.NODE_ENV})`);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
