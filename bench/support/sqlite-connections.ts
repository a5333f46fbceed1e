// A workaround, for the benchmarks, of a file-descriptor leak in the app's SQLite stack.
//
// The leak: @libsql/client (0.8) gives each transaction the client's connection and opens a new
// one for what follows; the transaction's connection is never closed, only finalised when the
// garbage collector frees it. Prisma (6.19) keeps about half of its finished transactions
// reachable, so every Prisma write on SQLite (an updateMany runs in a transaction) leaves a
// connection — two file descriptors in WAL mode — open for good: measured, 2,000 updateMany
// calls end with ~2,100 more descriptors even after full GCs. A 100,000-order simulation
// (~16,700 checkpoints) runs out of a 20,000-descriptor limit ("Failed to connect to
// database"); a server does so after enough writes, sooner under the common 1,024 limit.
//
// The workaround: the client hands Prisma a stand-in for each transaction that drops its
// reference to the real one at commit or rollback, so the connection becomes garbage and is
// closed by its finaliser. Same SQL, same connections, same adapter otherwise. The benchmarks
// install it as the app's Prisma client (the global db.server.ts reuses) before importing the
// app; the same wrapper in createDb would fix the app.
import { createClient, type Client, type Config, type Transaction, type TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@prisma/client";

class ReleasingLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = createClient(config);
    const begin = client.transaction.bind(client);
    client.transaction = async (mode?: TransactionMode): Promise<Transaction> => {
      let tx: Transaction | null = await begin(mode);
      const live = (): Transaction => {
        if (!tx) throw new Error("The transaction is closed");
        return tx;
      };
      const release = () => {
        tx = null;
      };
      return {
        execute: (stmt) => live().execute(stmt),
        batch: (stmts) => live().batch(stmts),
        executeMultiple: (sql) => live().executeMultiple(sql),
        commit: () => live().commit().finally(release),
        rollback: async () => {
          try {
            await tx?.rollback();
          } finally {
            release();
          }
        },
        close: () => {
          tx?.close();
          release();
        },
        get closed() {
          return tx === null || tx.closed;
        },
      };
    };
    return client;
  }
}

/** Makes the app's Prisma client (globalThis.__clauseDb, read by db.server.ts) one that releases transactions' connections. */
export function useReleasingSqliteClient(url: string): void {
  globalThis.__clauseDb = new PrismaClient({ adapter: new ReleasingLibSQL({ url }) });
}
