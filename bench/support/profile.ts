// A CPU profile of part of a benchmark (node:inspector), summarised by where the time goes:
// self time per area of the code (Clause's app/, the stand-in, graphql-js, Prisma, …) and the
// hottest functions. The raw .cpuprofile opens in Chrome DevTools or speedscope.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { printTable, projectRoot, round } from "./figures";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  totalMs: number;
  byArea: Array<{ area: string; ms: number; percent: number }>;
  topFunctions: Array<{ name: string; ms: number; where: string }>;
};

/** The area a script belongs to, from its URL. */
function areaOf(url: string): string {
  if (!url) return "(native / idle / gc)";
  const file = url.startsWith("file://") ? decodeURIComponent(new URL(url).pathname) : url;
  const rel = path.relative(projectRoot, file);
  if (rel.startsWith("node_modules/")) {
    const parts = rel.split("/");
    return parts[1]?.startsWith("@") ? `${parts[1]}/${parts[2]}` : (parts[1] ?? rel);
  }
  if (rel.startsWith("app/")) return `app/${rel.split("/")[1]}`;
  if (rel.startsWith("tests/standin")) return "tests/standin";
  if (file.startsWith("node:")) return "node internals";
  return rel.startsWith("..") ? file : rel.split("/").slice(0, 2).join("/");
}

export async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return {
    /** Stops, writes the raw profile to `file`, and summarises it. */
    async stop(file: string): Promise<ProfileSummary> {
      const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
      session.disconnect();
      writeFileSync(file, JSON.stringify(profile));
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const selfUs = new Map<number, number>();
      profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
      const areas = new Map<string, number>();
      const functions = new Map<string, { us: number; where: string }>();
      for (const [id, us] of selfUs) {
        const frame = byId.get(id)!.callFrame;
        const area = areaOf(frame.url);
        areas.set(area, (areas.get(area) ?? 0) + us);
        const where = frame.url ? `${path.relative(projectRoot, frame.url.replace(/^file:\/\//, ""))}:${frame.lineNumber + 1}` : area;
        const key = `${frame.functionName || "(anonymous)"} ${where}`;
        const f = functions.get(key) ?? { us: 0, where };
        f.us += us;
        functions.set(key, f);
      }
      const totalUs = [...areas.values()].reduce((s, x) => s + x, 0);
      return {
        totalMs: round(totalUs / 1000, 0),
        byArea: [...areas]
          .sort((a, b) => b[1] - a[1])
          .map(([area, us]) => ({ area, ms: round(us / 1000, 0), percent: round((100 * us) / totalUs, 1) })),
        topFunctions: [...functions]
          .sort((a, b) => b[1].us - a[1].us)
          .slice(0, 30)
          .map(([key, f]) => ({ name: key.slice(0, key.lastIndexOf(` ${f.where}`)), ms: round(f.us / 1000, 0), where: f.where })),
      };
    },
  };
}

export function printProfile(profile: ProfileSummary, functions = 15): void {
  console.log(`\nself time by area (profiled, ${profile.totalMs.toLocaleString("en-US")} ms):`);
  printTable([["area", "ms", "%"], ...profile.byArea.slice(0, 15).map((a) => [a.area, a.ms, `${a.percent}`])]);
  console.log("\nhottest functions:");
  printTable([["function", "ms", "where"], ...profile.topFunctions.slice(0, functions).map((f) => [f.name, f.ms, f.where])]);
}
