// The SQLite driver adapter the app uses, with one fix: @libsql/client (0.8) gives each
// transaction its own connection and never closes it (only its finaliser does, once it is
// garbage), while Prisma (6.19) keeps about half of its finished transactions reachable. Every
// write on SQLite (Prisma runs writes in transactions) so left a connection — two file
// descriptors in WAL mode — open for good: 2,000 updateMany calls left ~2,100 descriptors open,
// and a long-running server would run out of them. Here Prisma gets, per transaction, a handle
// that drops the real transaction at commit or rollback, so its connection becomes garbage.
import { createClient, type Client, type Config, type Transaction, type TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

export class ReleasingLibSQL extends PrismaLibSQL {
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
