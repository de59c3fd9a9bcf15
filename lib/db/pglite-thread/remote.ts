/**
 * The app's side of the PGlite thread (host.ts): a Prisma driver adapter whose every call is
 * answered there, the bulk writes' session (lib/db/pg-sessions.ts) and LISTEN for the change
 * feed. The request thread only posts messages; the database's work (a 100,000-row COPY is
 * seconds of WASM) happens on the host's thread, so other borrowers' requests are answered
 * meanwhile. Not "server-only": scripts, benches and tests open the embedded database too.
 */
import path from "node:path";
import type { Worker as WorkerThread } from "node:worker_threads";
import {
  DriverAdapterError,
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { trackRemote, type BulkSession } from "../pg-sessions";
import type { AppMessage, EmbeddedListen, HostMessage, Request, WireError } from "./protocol";

const ADAPTER_NAME = "pglite-prisma-adapter";

/**
 * The host's entry on disk, from the working directory like the worker pool's (inside Next's
 * server bundle, import.meta.url points into .next/). PGLITE_HOST_ENTRY overrides it.
 */
export function hostEntry(env: Record<string, string | undefined> = process.env): string {
  return env.PGLITE_HOST_ENTRY ?? path.join(process.cwd(), "lib", "db", "pglite-thread", "host.mjs");
}

export type PgliteThread = {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** PGlite's LISTEN, run on the host. */
  listen: EmbeddedListen["listen"];
  close(): Promise<void>;
};

function fromWire(e: WireError): Error {
  if (e.driver) return new DriverAdapterError(e.driver as DriverAdapterError["cause"]);
  const err = Object.assign(new Error(e.message), { name: e.name, code: e.code });
  if (e.stack) err.stack = e.stack;
  return err;
}

export function openPgliteThread(dataDir: string): PgliteThread {
  // Out of the bundler's sight: for `new Worker(path)` Next's build tries to bundle every file the
  // path could name (it ran for ten minutes and 7 GB before we stopped it).
  const { Worker } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");
  const worker: WorkerThread = new Worker(hostEntry(), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const notify = new Map<number, (payload: string) => void>();
  let nextId = 1;
  let failure: Error | null = null;

  worker.on("message", (message: HostMessage) => {
    if ("notify" in message) return notify.get(message.notify.listener)?.(message.notify.payload);
    const waiting = pending.get(message.reply.id);
    pending.delete(message.reply.id);
    if (message.reply.error) waiting?.reject(fromWire(message.reply.error));
    else waiting?.resolve(message.reply.value);
  });
  // The first reason stays: a thread ended by close() is "closed", not "exited".
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of pending.values()) w.reject(failure);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The PGlite thread exited (code ${code}).`)));

  const post = (message: AppMessage, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer);
  const call = <T>(request: Request): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post({ id, request });
    });
  };

  const queryable = (tx?: number) => ({
    provider: "postgres" as const,
    adapterName: ADAPTER_NAME,
    queryRaw: (query: SqlQuery) => call<SqlResultSet>({ op: "queryRaw", tx, query }),
    executeRaw: (query: SqlQuery) => call<number>({ op: "executeRaw", tx, query }),
  });

  const connect = async (): Promise<SqlDriverAdapter> => {
    const info = await call<ConnectionInfo | undefined>({ op: "connect" });
    return {
      ...queryable(),
      executeScript: (script: string) => call<void>({ op: "executeScript", script }),
      startTransaction: async (isolationLevel?: IsolationLevel): Promise<Transaction> => {
        const { tx, options } = await call<{ tx: number; options: TransactionOptions }>({ op: "startTransaction", isolationLevel });
        return { ...queryable(tx), options, commit: () => call<void>({ op: "commit", tx }), rollback: () => call<void>({ op: "rollback", tx }) };
      },
      getConnectionInfo: () => info ?? { supportsRelationJoins: true },
      dispose: async () => {},
    };
  };

  let copies = 0;
  const bulkSession: BulkSession = {
    query: (sql, params) => call({ op: "bulk.query", sql, params }),
    copy: async (table, columns, chunks) => {
      const copy = ++copies;
      const done = call<void>({ op: "bulk.copy", copy, table, columns });
      // The COPY's failure is its answer; the feed below must not also reject unheard.
      done.catch(() => {});
      try {
        for await (const chunk of chunks) {
          // A copy of the view's bytes alone, moved: cloning a view would send its whole buffer.
          const bytes = new Uint8Array(chunk);
          post({ feed: { copy, chunk: bytes } }, [bytes.buffer]);
        }
        post({ feed: { copy, end: true } });
      } catch (err) {
        post({ feed: { copy, abort: err instanceof Error ? err.message : String(err) } });
        await done.catch(() => {});
        throw err;
      }
      await done;
    },
  };
  const untrack = trackRemote({ bulkSession: async (probe) => ((await call<boolean>({ op: "bulk.open", probe })) ? bulkSession : null) });

  return {
    adapter: {
      provider: "postgres",
      adapterName: ADAPTER_NAME,
      connect,
      // The schema engine (lib/db/migrate.ts) brings its own in-process PGlite; nothing asks this.
      connectToShadowDb: () => Promise.reject(new Error("No shadow database on the PGlite thread.")),
    },
    listen: async (channel, onNotify) => {
      const listener = await call<number>({ op: "listen", channel });
      notify.set(listener, onNotify);
      return async () => {
        notify.delete(listener);
        await call({ op: "unlisten", listener });
      };
    },
    close: async () => {
      untrack();
      if (!failure) await call({ op: "close" }).catch(() => {});
      failure ??= new Error("The embedded database is closed.");
      await worker.terminate();
    },
  };
}
