// Which database Clause uses, decided in one place for the app, the scripts and the tests:
// PostgreSQL when DATABASE_URL is a postgres:// or postgresql:// URL, otherwise embedded SQLite
// (a file under data/ unless DATABASE_URL names another file: URL).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const defaultSqliteUrl = `file:${path.join(projectRoot, "data", "clause.sqlite")}`;

/** @param {string | undefined} url */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url ?? "");
}

/** @param {string | undefined} url @returns {"postgresql" | "sqlite"} */
export function databaseProvider(url) {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** The SQLite URL to use: DATABASE_URL when it is a file: URL, the default file otherwise. */
export function sqliteUrl(url) {
  if (url && url.startsWith("file:")) return url;
  if (url && !isPostgresUrl(url)) {
    throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url}")`);
  }
  return defaultSqliteUrl;
}
