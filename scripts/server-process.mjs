// Starting and stopping the app's server from scripts (e2e, benchmarks): a free port, waiting
// until it answers, and stopping it without leaving it running.
import { once } from "node:events";
import net from "node:net";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200; throws if the server process exits first or time runs out. */
export async function waitForHealth(url, server, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the server exited (${server.exitCode ?? server.signalCode}) before answering ${url}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
export async function stopServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, "exit");
  server.kill("SIGTERM");
  // An unref'd timer: once the server is gone it must not hold the script for 5 s.
  const grace = new Promise((resolve) => setTimeout(resolve, 5000, false).unref());
  if (!(await Promise.race([exited.then(() => true), grace]))) {
    server.kill("SIGKILL");
    await exited;
  }
}
