/**
 * The engines the store suite runs on: PGlite always; a PostgreSQL server from
 * `KUSTOM_TEST_DATABASE_URL` (exported by `.ci/run`), else a throw-away server this
 * helper starts in a temp dir on a free port. Where none can be started the
 * PostgreSQL cases are skipped and a line says why.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../src/server.js';

const BIN = '/usr/lib/postgresql/15/bin';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface PgServer {
  url: string;
  stop(): void;
}

/** Starts a throw-away PostgreSQL server, or returns why it could not. */
export async function startPostgres(): Promise<PgServer | string> {
  const fromEnv = process.env.KUSTOM_TEST_DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop() {} };
  if (!existsSync(join(BIN, 'pg_ctl'))) return `no PostgreSQL binaries in ${BIN}`;
  const dir = mkdtempSync(join(tmpdir(), 'kustom-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const asPostgres = (cmd: string) => {
    const root = process.getuid?.() === 0;
    execFileSync(root ? 'su' : 'sh', root ? ['postgres', '-c', cmd] : ['-c', cmd], { stdio: 'pipe' });
  };
  try {
    asPostgres(`${BIN}/initdb -D ${data} -U postgres --auth=trust -E UTF8 --no-sync`);
    asPostgres(`${BIN}/pg_ctl -D ${data} -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off" -l ${dir}/log -w start`);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return `could not start PostgreSQL: ${(e as Error).message.split('\n')[0]}`;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres(`${BIN}/pg_ctl -D ${data} -m immediate stop`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A fresh, empty database on the server (one per test file). */
export async function freshPgDatabase(url: string): Promise<string> {
  const admin = await openDb({ databaseUrl: url });
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export type { Db };

/** The engines a suite runs on: PGlite always, PostgreSQL where a server could be reached or started. */
export async function storeEngines(suite: string): Promise<{
  engines: { name: string; skip: boolean; databaseUrl: () => Promise<string | undefined> }[];
  stop(): void;
}> {
  const pg = await startPostgres();
  if (typeof pg === 'string') console.log(`SKIPPED PostgreSQL ${suite}: ${pg}`);
  return {
    engines: [
      { name: 'PGlite', skip: false, databaseUrl: async () => undefined },
      { name: 'PostgreSQL server', skip: typeof pg === 'string', databaseUrl: async () => freshPgDatabase((pg as PgServer).url) },
    ],
    stop: () => {
      if (typeof pg !== 'string') pg.stop();
    },
  };
}
