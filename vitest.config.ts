// Test projects. `npm test` (scripts/test.mjs) runs them all; each can run alone:
//   unit         pure code and route modules with no database (tests beside code + tests/unit)
//   db-sqlite    integration tests on a fresh SQLite database per worker
//   db-postgres  the same tests on a fresh PostgreSQL database per worker
//   graphql      every GraphQL document the app sends, validated against Shopify's real schema
//   extension    the customer-account UI extensions (Preact) rendered into happy-dom
//   reliability  the "Prove it holds" checks (not part of `npm test`; `npm run test:reliability`)
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

const dbProject = (provider: "sqlite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `db-${provider}`,
    include: ["tests/db/**/*.test.ts"],
    env: { CLAUSE_TEST_DB: provider },
    globalSetup: ["tests/setup/db-global-setup.ts"],
    setupFiles: ["tests/setup/db-worker-setup.ts"],
    // One database per worker; files share it, so keep each file's data under its own shop.
    fileParallelism: true,
  },
});

// `npm run test:reliability` (scripts/test-reliability.mjs): the "Prove it holds" checks, on the
// database CLAUSE_RELIABILITY_DB names (sqlite unless told), with the db projects' setup. The
// project exists only when asked for (that env var, or `--project reliability`), so a bare
// `vitest run` (npm test) does not run it.
const reliabilityRequested =
  !!process.env.CLAUSE_RELIABILITY_DB || process.argv.some((arg, i) => arg === "--project=reliability" || (arg === "reliability" && process.argv[i - 1] === "--project"));

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: "node",
    // The app's environment as the Shopify test helpers sign requests for it.
    env: {
      NODE_ENV: "test",
      SHOPIFY_API_KEY: "testApiKey",
      SHOPIFY_API_SECRET: "testApiSecretKey",
      SHOPIFY_APP_URL: "https://my-test-app.myshopify.io",
      // Evidence files written by tests stay out of the project's data folder.
      CLAUSE_EVIDENCE_DIR: path.join(os.tmpdir(), "clause-test-evidence"),
    },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
        },
      },
      dbProject("sqlite"),
      dbProject("postgres"),
      ...(reliabilityRequested
        ? [
            {
              extends: true as const,
              test: {
                ...dbProject(process.env.CLAUSE_RELIABILITY_DB === "postgres" ? "postgres" : "sqlite").test,
                name: "reliability",
                include: ["tests/reliability/**/*.test.ts"],
              },
            },
          ]
        : []),
      {
        extends: true,
        test: { name: "graphql", include: ["tests/graphql/**/*.test.ts"] },
      },
      {
        extends: true,
        test: { name: "extension", include: ["tests/extension/**/*.test.{ts,tsx}"], environment: "happy-dom" },
      },
    ],
  },
});
