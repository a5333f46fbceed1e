// Gives a test file its own evidence folder (CLAUSE_EVIDENCE_DIR) and restores the previous one.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

export function useTempEvidenceDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `clause-${name}-evidence-`));
  const previous = process.env.CLAUSE_EVIDENCE_DIR;
  beforeAll(() => {
    process.env.CLAUSE_EVIDENCE_DIR = dir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CLAUSE_EVIDENCE_DIR;
    else process.env.CLAUSE_EVIDENCE_DIR = previous;
  });
  return dir;
}
