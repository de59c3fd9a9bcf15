/**
 * The node-postgres connection behind a Prisma interactive transaction, so bulk writes can use
 * `COPY … FROM STDIN` (which Prisma cannot send) inside the very transaction the rest of an import
 * runs in. Prisma 7's pg adapter takes our own pg.Pool (lib/db/client.ts), whose public `connect`
 * and `remove` events let us keep every open connection by its server process id; inside a
 * transaction, `SELECT pg_backend_pid()` names the connection, and a transaction-local setting
 * written through Prisma and read back through the raw client proves it is the same session and
 * transaction before anything is written. No Prisma internals are touched.
 *
 * No "server-only": the benches and scripts (tsx) share this with the app.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";

/** `client.processID` is set by node-postgres from the server's BackendKeyData; @types/pg omits it. */
type Tracked = pg.PoolClient & { processID?: number };

const holder = globalThis as typeof globalThis & { __creditHealthPgSessions?: Map<string, Tracked> };
const sessions: Map<string, Tracked> = (holder.__creditHealthPgSessions ??= new Map<string, Tracked>());

const key = (database: string | undefined, pid: number) => `${database ?? ""}/${pid}`;

/** Remembers every connection `pool` opens, until the pool removes it. */
export function trackPool(pool: pg.Pool): void {
  pool.on("connect", (client: Tracked) => {
    if (client.processID !== undefined) sessions.set(key(client.database, client.processID), client);
  });
  pool.on("remove", (client: Tracked) => {
    if (client.processID !== undefined && sessions.get(key(client.database, client.processID)) === client) {
      sessions.delete(key(client.database, client.processID));
    }
  });
}

type RawQuery = { $queryRawUnsafe: <T>(sql: string, ...values: unknown[]) => Promise<T> };

/** True when `db`'s connections come from a tracked pool (so a transaction's COPY is reachable). */
export async function isTrackedPostgres(db: RawQuery): Promise<boolean> {
  if (sessions.size === 0) return false;
  const [row] = await db.$queryRawUnsafe<{ pid: number; db: string }[]>(`SELECT pg_backend_pid() AS pid, current_database() AS db`);
  return row !== undefined && sessions.has(key(row.db, Number(row.pid)));
}

/**
 * The raw connection running `tx`'s transaction, or null when it is not one of ours (PGlite, or a
 * client built without trackPool). Never a different connection: that would split the import
 * across two transactions, so the match is proven, not assumed.
 */
export async function rawConnectionOf(tx: RawQuery): Promise<pg.PoolClient | null> {
  if (sessions.size === 0) return null;
  const probe = randomBytes(12).toString("hex");
  const [row] = await tx.$queryRawUnsafe<{ pid: number; db: string }[]>(
    `SELECT pg_backend_pid() AS pid, current_database() AS db, set_config('credit_health.session_probe', $1, true) AS probe`,
    probe,
  );
  if (!row) return null;
  const client = sessions.get(key(row.db, Number(row.pid)));
  if (!client) return null;
  const seen: pg.QueryResult<{ probe: string | null }> = await client.query(`SELECT current_setting('credit_health.session_probe', true) AS probe`);
  return seen.rows[0]?.probe === probe ? client : null;
}
