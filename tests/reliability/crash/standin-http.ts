// The Admin API stand-in (in the test's memory) served over HTTP to the app processes, at
// http://127.0.0.1:<port>/<shop>/admin/api/<version>/graphql.json. Each request names the
// process that sent it (x-crash-worker); a kill armed for that process strikes at its nth
// request from then on:
//   before-execute  the request is lost (Shopify never saw it);
//   after-execute   Shopify acted, the app never hears back;
//   after-answer    the answer is sent, then the kill: the app may or may not have recorded it.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { AdminApiStandIn } from "../../standin/admin-api-standin";

export type KillMode = "before-execute" | "after-execute" | "after-answer";
export const KILL_MODES: readonly KillMode[] = ["before-execute", "after-execute", "after-answer"];

type Armed = { pid: number; n: number; mode: KillMode; kill: () => void; seen: string[]; fired: boolean };

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const operationOf = (text: string) => /(?:query|mutation)\s+(\w+)/.exec(text)?.[1] ?? "?";

export async function serveStandIn(standIn: AdminApiStandIn) {
  let armed: Armed | null = null;
  /** Operation names each process sent, in order. */
  const log = new Map<number, string[]>();
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await body(req);
      const pid = Number(req.headers["x-crash-worker"]);
      const [, shop, ...rest] = (req.url ?? "").split("/");
      const text = raw.toString("utf8");
      const op = operationOf(text);
      log.set(pid, [...(log.get(pid) ?? []), op]);
      const target = armed && !armed.fired && armed.pid === pid ? armed : null;
      target?.seen.push(op);
      const strike = target && target.seen.length === target.n ? target : null;
      if (strike) strike.fired = true;
      if (strike?.mode === "before-execute") return void (strike.kill(), req.socket.destroy());
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers.set(k, v);
      const answer = await standIn.fetch(`https://${shop}/${rest.join("/")}`, { method: req.method, headers, body: text });
      if (strike?.mode === "after-execute") return void (strike.kill(), req.socket.destroy());
      const reply = await answer.text();
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(reply, () => strike?.kill());
    })().catch(() => req.socket.destroy());
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    /** Operation names `pid` sent so far. */
    requestsOf: (pid: number) => log.get(pid) ?? [],
    /** Kills `pid` (through `kill`) at its nth request from now, in `mode`. */
    arm(pid: number, n: number, mode: KillMode, kill: () => void) {
      armed = { pid, n, mode, kill, seen: [], fired: false };
      return armed;
    },
    disarm: () => void (armed = null),
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}
