// Runs a project binary (node_modules/.bin) and stops the script when it fails.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./database-url.mjs";

export function run(bin, args, env = {}, { quiet = false } = {}) {
  const cmd = path.join(projectRoot, "node_modules", ".bin", bin);
  const result = spawnSync(cmd, args, {
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
    cwd: projectRoot,
    env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", ...env },
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`${bin} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  }
  return result.stdout ?? "";
}
