// The test's side of an app process (crash-worker.ts): spawn it, send it commands, kill it.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Order, Reply } from "./protocol";

const script = path.join(import.meta.dirname, "crash-worker.ts");
const root = path.resolve(import.meta.dirname, "..", "..", "..");

export type AppProcess = {
  pid: number;
  ready: Promise<void>;
  /** Resolves when the process has ended (killed or not). */
  exited: Promise<NodeJS.Signals | number | null>;
  send: (order: Order) => Promise<unknown>;
  kill: () => void;
  stderr: () => string;
};

export function startAppProcess(standInUrl: string): AppProcess {
  const child: ChildProcess = fork(script, [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, CRASH_STANDIN_URL: standInUrl },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-20_000);
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let readyResolve!: () => void;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.on("exit", (code, signal) => {
      for (const p of pending.values()) p.reject(new Error(`app process ${child.pid} ended (${signal ?? code})`));
      pending.clear();
      resolve(signal ?? code);
    });
  });
  child.on("message", (message: Reply | { ready: true }) => {
    if ("ready" in message) return readyResolve();
    const p = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) p?.resolve(message.result);
    else p?.reject(new Error(message.error));
  });
  const started = Promise.race([ready, exited.then(() => Promise.reject(new Error(`app process did not start:\n${err}`)))]);
  started.catch(() => {}); // a spare killed before it was needed
  return {
    pid: child.pid!,
    ready: started,
    exited,
    send: (order) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ ...order, id });
      }),
    kill: () => void child.kill("SIGKILL"),
    stderr: () => err,
  };
}
