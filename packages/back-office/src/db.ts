/**
 * One SQL dialect, two engines: PGlite (PostgreSQL in WebAssembly, embedded, data
 * directory on disk) and a PostgreSQL server through `pg`. Both are reached through
 * the same small `Db` interface so every query in the store runs unchanged on both.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` holding a session-level advisory lock (two instances starting at once wait for each other). */
  withLock<T>(key: number, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly engine: 'pglite' | 'postgres';
}

export interface OpenDbOptions {
  /** `postgres://…` connection string of a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** PGlite data directory on disk; omitted with no `databaseUrl`: in memory. */
  dataDir?: string | undefined;
}

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) return openPg(options.databaseUrl);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  // pg_trgm ships inside the npm package: the free-text index needs it.
  const pg: PGlite = dataDir ? new PGlite(dataDir, { extensions: { pg_trgm } }) : new PGlite({ extensions: { pg_trgm } });
  await pg.waitReady;
  // PGlite is one connection: serialise transactions so they never interleave.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  const q: Queryable = {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const r = await pg.query<R>(sql, params as unknown[]);
      return r.rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
  const transaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
    serial(() =>
      pg.transaction(async (tx) =>
        fn({
          async query<R>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<R>(sql, params as unknown[])).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        }),
      ),
    );
  return {
    engine: 'pglite',
    query: (sql, params) => serial(() => q.query(sql, params)),
    exec: (sql) => serial(() => q.exec(sql)),
    transaction,
    // One connection per PGlite instance: the serial queue is the lock.
    withLock: (_key, fn) => transaction(fn),
    close: () => serial(() => pg.close()),
  };
}

async function openPg(url: string): Promise<Db> {
  const { default: pgModule } = await import('pg');
  // BIGINT (int8) as number: minor units and counts stay far below 2^53.
  pgModule.types.setTypeParser(20, (v: string) => Number(v));
  const pool: Pool = new pgModule.Pool({ connectionString: url, max: 10 });
  const wrap = (c: PoolClient): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await c.query(sql, params as unknown[])).rows as R[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const inTransaction = async <T>(c: PoolClient, fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    try {
      await c.query('BEGIN');
      const out = await fn(wrap(c));
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  };
  const transaction = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const c = await pool.connect();
    try {
      return await inTransaction(c, fn);
    } finally {
      c.release();
    }
  };
  return {
    engine: 'postgres',
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as R[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    transaction,
    async withLock(key, fn) {
      const c = await pool.connect();
      try {
        await c.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await inTransaction(c, fn);
        } finally {
          await c.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
