/**
 * The raw database session behind a Prisma interactive transaction, so bulk writes can use COPY
 * (which Prisma cannot send) inside the very transaction the rest of an import runs in.
 * - PostgreSQL: Prisma 7's pg adapter takes our own pg.Pool (lib/db/client.ts), whose public
 *   `connect` and `remove` events let us keep every open connection by its server process id;
 *   `SELECT pg_backend_pid()` inside the transaction names its connection.
 * - PGlite: one connection, so at most one transaction is open per instance; on the database's
 *   thread (lib/db/pglite-thread/host.ts) the adapter is given the instance through trackPglite,
 *   which notes the open transaction's handle, and the app's side asks that thread (trackRemote).
 * Either way a transaction-local setting written through Prisma and read back through the raw
 * session proves it is the same session and transaction before anything is written. No Prisma
 * internals are touched. No "server-only": the benches and scripts (tsx) share this with the app.
 */
import { randomBytes } from "node:crypto";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";

/** What a bulk write needs from the transaction's own session. */
export type BulkSession = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  /**
   * COPY `chunks` (UTF-8 COPY text, each chunk whole lines) into `table` (`columns`), sending each
   * chunk as it comes. A chunk source that throws aborts the COPY, and with it the transaction.
   */
  copy(table: string, columns: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void>;
};

/** `client.processID` is set by node-postgres from the server's BackendKeyData; @types/pg omits it. */
type Tracked = pg.PoolClient & { processID?: number };

type Registry = { pg: Map<string, Tracked>; pglite: Map<PGlite, Transaction>; remote: Set<RemoteBulkSessions> };
const holder = globalThis as typeof globalThis & { __creditHealthSessions?: Registry };
const registry: Registry = (holder.__creditHealthSessions ??= { pg: new Map(), pglite: new Map(), remote: new Set() });

const key = (database: string | undefined, pid: number) => `${database ?? ""}/${pid}`;

/** Remembers every connection `pool` opens, until the pool removes it. */
export function trackPool(pool: pg.Pool): void {
  pool.on("connect", (client: Tracked) => {
    if (client.processID !== undefined) registry.pg.set(key(client.database, client.processID), client);
  });
  pool.on("remove", (client: Tracked) => {
    if (client.processID !== undefined && registry.pg.get(key(client.database, client.processID)) === client) {
      registry.pg.delete(key(client.database, client.processID));
    }
  });
}

/** The instance as the Prisma adapter should see it: the same, but its open transaction is noted. */
export function trackPglite(pglite: PGlite): PGlite {
  const transaction: PGlite["transaction"] = (callback) =>
    pglite.transaction(async (tx) => {
      registry.pglite.set(pglite, tx);
      try {
        return await callback(tx);
      } finally {
        if (registry.pglite.get(pglite) === tx) registry.pglite.delete(pglite);
      }
    });
  return new Proxy(pglite, {
    get(target, property) {
      if (property === "transaction") return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

type RawQuery = { $queryRawUnsafe: <T>(sql: string, ...values: unknown[]) => Promise<T> };
const PROBE_SQL = `SELECT current_setting('credit_health.session_probe', true) AS probe`;

/**
 * The raw session running `tx`'s transaction, or null when it is not one of ours. Never a
 * different session: that would split the import across two transactions, so the match is
 * proven, not assumed.
 */
export async function bulkSessionOf(tx: RawQuery): Promise<BulkSession | null> {
  const probe = randomBytes(12).toString("hex");
  const [row] = await tx.$queryRawUnsafe<{ pid: number; db: string }[]>(
    `SELECT pg_backend_pid() AS pid, current_database() AS db, set_config('credit_health.session_probe', $1, true) AS probe`,
    probe,
  );
  const client = row ? registry.pg.get(key(row.db, Number(row.pid))) : undefined;
  if (client) {
    const seen: pg.QueryResult<{ probe: string | null }> = await client.query(PROBE_SQL);
    return seen.rows[0]?.probe === probe ? pgSession(client) : null;
  }
  return (await openPgliteBulkSession(probe)) ?? (await remoteBulkSession(probe));
}

/** The open PGlite transaction of this thread that wrote `probe`, as a bulk session (or null). */
export async function openPgliteBulkSession(probe: string): Promise<BulkSession | null> {
  for (const open of registry.pglite.values()) {
    const seen = await open.query<{ probe: string | null }>(PROBE_SQL);
    if (seen.rows[0]?.probe === probe) return pgliteSession(open);
  }
  return null;
}

/** A PGlite on its own thread (lib/db/pglite-thread) finds its transaction there. */
export type RemoteBulkSessions = { bulkSession(probe: string): Promise<BulkSession | null> };

/** Registers a PGlite thread, so bulkSessionOf asks it too; the returned function forgets it. */
export function trackRemote(remote: RemoteBulkSessions): () => void {
  registry.remote.add(remote);
  return () => void registry.remote.delete(remote);
}

async function remoteBulkSession(probe: string): Promise<BulkSession | null> {
  for (const remote of registry.remote) {
    const session = await remote.bulkSession(probe);
    if (session) return session;
  }
  return null;
}

function pgSession(client: pg.PoolClient): BulkSession {
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await client.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    // One COPY, fed as the chunks arrive, honouring backpressure; the server does the work, so
    // the request thread is free while it runs. pipeline destroys the COPY stream on any error,
    // which sends CopyFail: the server drops the COPY and the transaction cannot commit.
    copy: (table, columns, chunks) => pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`))),
  };
}

/**
 * PGlite takes COPY from a blob, not a stream: rows go in COPYs of PGLITE_COPY_ROWS lines, so the
 * first ones are written while later ones still arrive and no blob holds the whole document.
 */
export const PGLITE_COPY_ROWS = 2_000;

function countLines(chunk: Uint8Array): number {
  let n = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) n++;
  return n;
}

function pgliteSession(tx: Transaction): BulkSession {
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await tx.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
    },
    copy: async (table, columns, chunks) => {
      let parts: Uint8Array[] = [];
      let rows = 0;
      const flush = async () => {
        await tx.query(`COPY ${table} (${columns}) FROM '/dev/blob'`, [], { blob: new Blob(parts as BlobPart[]) });
        parts = [];
        rows = 0;
      };
      for await (const chunk of chunks) {
        parts.push(chunk);
        rows += countLines(chunk);
        if (rows >= PGLITE_COPY_ROWS) await flush();
      }
      if (parts.length) await flush();
    },
  };
}
