// Runs once per db project: migrates a template database that every worker clones.
import type { TestProject } from "vitest/node";
import { createTemplate, dropTemplate, postgresAdminUrl, postgresReachable, type TestDbProvider } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const provider = project.config.env.CLAUSE_TEST_DB as TestDbProvider;
  if (provider === "postgres" && !(await postgresReachable())) {
    const notice = `PostgreSQL is not reachable at ${postgresAdminUrl}: the db-postgres suite is SKIPPED.`;
    console.warn(`\n${"!".repeat(notice.length)}\n${notice}\n${"!".repeat(notice.length)}\n`);
    if (process.env.CI) throw new Error(`${notice} CI must start PostgreSQL (see .ci/run).`);
    project.provide("dbTemplate", null);
    return;
  }
  const template = await createTemplate(provider);
  project.provide("dbTemplate", template);
  return () => dropTemplate(provider, template);
}
