// The load generator of bench/portal-latency.mjs, run as its own process so the load does not
// share an event loop with the server or the orchestrator. Reads a plan (JSON, argv[2]), drives
// each phase with autocannon and prints one JSON line on stdout: per phase the latencies'
// percentiles, the achieved rate and the status/error counts.
//
// Plan: { baseUrl, serverPid?, rate, connections, paced, phases: [{ name, warmupSeconds, seconds, targets }] }
// where a target is { method, path, headers, body? }; requests cycle through the targets.
//
// Pacing. autocannon's `overallRate` gives every connection rate/connections requests per second,
// sent back to back at the top of each second, all connections at once: 200 req/s over 20
// connections arrives as a burst of 20 concurrent requests, then silence. `paced: true` (the
// default) runs one single-connection autocannon per connection instead, started 1/connections
// of a second apart, so the same rate arrives spread over the second (each connection still sends
// its share back to back, in 20 short runs a second rather than one burst). `paced: false` is the
// plain `overallRate` run.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const plan = JSON.parse(process.argv[2] ?? "null");
if (!plan?.baseUrl || !Array.isArray(plan.phases)) {
  console.error('usage: node bench/portal-load.mjs \'{"baseUrl":…,"rate":200,"connections":20,"phases":[…]}\'');
  process.exit(2);
}
const rate = plan.rate ?? 200;
const connections = Math.min(plan.connections ?? 20, rate);
const paced = plan.paced !== false;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Round-robin over the targets, shared by every connection of the phase. */
function requestsFor(targets) {
  let next = 0;
  return [
    {
      setupRequest: (req) => {
        const t = targets[next++ % targets.length];
        return { ...req, method: t.method, path: t.path, headers: { ...req.headers, ...t.headers }, body: t.body ?? undefined };
      },
    },
  ];
}

/** One autocannon run; resolves with its raw result. Latencies are read from the `response` events. */
function cannon(opts, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => onResponse(statusCode, responseTime));
  });
}

/**
 * CPU time (user + system, ms) the server process has used so far, from /proc (Linux; null
 * elsewhere). Unlike latency it hardly depends on what else the machine runs.
 */
function serverCpuMs() {
  if (!plan.serverPid) return null;
  try {
    const stat = readFileSync(`/proc/${plan.serverPid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime (fields 14 and 15) in clock ticks of 1/100 s (USER_HZ on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Drives `targets` at `rate` for warm-up + measured seconds without a pause between them, and
 * keeps the responses that completed inside the measured window (after the warm-up, once every
 * paced connection has started).
 */
async function drive(targets, warmupSeconds, seconds) {
  const samples = [];
  const statuses = {};
  const started = performance.now();
  const rampMs = paced ? 1000 : 0;
  const from = started + rampMs + warmupSeconds * 1000;
  const to = from + seconds * 1000;
  const cpu = {};
  setTimeout(() => (cpu.from = serverCpuMs()), from - started);
  setTimeout(() => (cpu.to = serverCpuMs()), to - started);
  const onResponse = (status, ms) => {
    const now = performance.now();
    if (now < from || now > to) return;
    statuses[status] = (statuses[status] ?? 0) + 1;
    samples.push(ms);
  };
  const common = {
    url: plan.baseUrl,
    duration: warmupSeconds + seconds + rampMs / 1000,
    requests: requestsFor(targets),
    timeout: 10,
    // The raw latencies are taken from the response events; the histogram's "corrected" values
    // (autocannon back-fills at a 1 ms interval under a rate limit) are not used.
    ignoreCoordinatedOmission: true,
  };
  let results;
  if (paced) {
    const runs = [];
    for (let i = 0; i < connections; i++) {
      // The rate split over the connections, the remainder to the first ones.
      const connectionRate = Math.floor(rate / connections) + (i < rate % connections ? 1 : 0);
      runs.push(cannon({ ...common, connections: 1, connectionRate }, onResponse));
      await sleep(rampMs / connections);
    }
    results = await Promise.all(runs);
  } else {
    results = [await cannon({ ...common, connections, overallRate: rate }, onResponse)];
  }
  // Errors and timeouts are autocannon's totals for the whole run (warm-up included).
  const sum = (key) => results.reduce((total, r) => total + (r[key] ?? 0), 0);
  const cpuMs = cpu.from != null && cpu.to != null ? cpu.to - cpu.from : null;
  return { samples, statuses, errors: sum("errors"), timeouts: sum("timeouts"), seconds, cpuMs };
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : null);
const round = (ms) => (ms === null ? null : Math.round(ms * 100) / 100);

const out = { rate, connections, paced, phases: {} };
for (const phase of plan.phases) {
  const run = await drive(phase.targets, phase.warmupSeconds ?? 0, phase.seconds);
  const sorted = Float64Array.from(run.samples).sort();
  const ok = Object.entries(run.statuses).reduce((n, [code, count]) => n + (code >= 200 && code < 300 ? count : 0), 0);
  out.phases[phase.name] = {
    requests: run.samples.length,
    // Completed responses over the nominal duration: what the server kept up with.
    achievedRate: Math.round((run.samples.length / run.seconds) * 10) / 10,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : null),
    // The server's CPU per response, and how many cores' worth it used (its helper threads
    // count too): near 1 its one JavaScript thread is saturated and the latencies are mostly
    // queueing; well under 1 with a low achieved rate, the machine starved it.
    serverCpuMsPerRequest: run.cpuMs === null || !run.samples.length ? null : round(run.cpuMs / run.samples.length),
    serverCpuUtilisation: run.cpuMs === null ? null : Math.round((run.cpuMs / (run.seconds * 1000)) * 100) / 100,
    non2xx: run.samples.length - ok,
    errors: run.errors,
    timeouts: run.timeouts,
    statuses: run.statuses,
  };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
