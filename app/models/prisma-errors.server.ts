// Prisma's error codes that the models act on.

/** P2002: a unique constraint refused the write (a duplicate delivery, request key, …). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

// A database too busy to answer in time, as each layer reports it:
//   Prisma       P1008 "Operation has timed out" (what the libsql adapter makes of SQLITE_BUSY),
//                P2024 connection-pool timeout, P2034 write conflict or deadlock, P2028 an
//                interactive transaction that expired or could not start in time;
//   the adapters a DriverAdapterError (Prisma's meta.driverAdapterError, or thrown bare) whose
//                cause is kind SocketTimeout / TransactionWriteConflict, or kind postgres / sqlite
//                with the server's own code;
//   PostgreSQL   40001 serialization failure, 40P01 deadlock, 55P03 lock not available;
//   libsql       SQLITE_BUSY / SQLITE_LOCKED (result code 5 or 6, in the low byte of an extended one).
const BUSY_PRISMA_CODES = new Set(["P1008", "P2024", "P2034"]);
const BUSY_POSTGRES_CODES = new Set(["40001", "40P01", "55P03"]);
const BUSY_ADAPTER_KINDS = new Set(["SocketTimeout", "TransactionWriteConflict"]);
const BUSY_MESSAGE = /database (?:table )?is locked|SQLITE_BUSY|timeout exceeded when trying to connect|Timed out fetching a new connection/i;

const sqliteBusyCode = (code: unknown) => {
  const n = typeof code === "number" ? code : typeof code === "string" && /^\d+$/.test(code) ? Number(code) : NaN;
  return Number.isInteger(n) && ((n & 0xff) === 5 || (n & 0xff) === 6);
};

type ErrorLike = { code?: unknown; message?: unknown; kind?: unknown; meta?: unknown; cause?: unknown; rawCode?: unknown; extendedCode?: unknown; originalCode?: unknown; name?: unknown };

function busyNode(e: ErrorLike): boolean {
  const code = e.code;
  if (typeof code === "string") {
    if (BUSY_PRISMA_CODES.has(code) || BUSY_POSTGRES_CODES.has(code) || /^SQLITE_(?:BUSY|LOCKED)/.test(code)) return true;
    // P2028 is also a misused transaction (a bug); only its two timeouts are the database being busy.
    if (code === "P2028" && typeof e.message === "string" && /expired transaction|in the given time/i.test(e.message)) return true;
  }
  if (typeof e.kind === "string") {
    if (BUSY_ADAPTER_KINDS.has(e.kind)) return true;
    if (e.kind === "sqlite" && sqliteBusyCode(e.extendedCode ?? e.originalCode)) return true;
  }
  if (typeof e.rawCode === "number" && sqliteBusyCode(e.rawCode)) return true;
  return typeof e.message === "string" && BUSY_MESSAGE.test(e.message);
}

/** The database (SQLite or PostgreSQL, through Prisma or not) was too busy: the request may simply be tried again. */
export function isDatabaseBusy(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  // The error, its `cause` chain and Prisma's `meta.driverAdapterError`, a few levels deep.
  while (queue.length && seen.size < 12) {
    const e = queue.shift();
    if (typeof e !== "object" || e === null || seen.has(e)) continue;
    seen.add(e);
    const node = e as ErrorLike;
    if (busyNode(node)) return true;
    queue.push(node.cause, (node.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}
