/**
 * The thread that hosts the app's embedded PGlite (PostgreSQL compiled to WASM). PGlite runs every
 * query on the thread that owns it; owned by the request thread, a 100,000-row import's COPY
 * (seconds of WASM) held up every other borrower's requests. Here it holds up only queries, which
 * PGlite runs one at a time anyway. The real Prisma adapter (pglite-prisma-adapter) runs here
 * and answers the app's forwarded driver-adapter calls (remote.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { isDriverAdapterError, type SqlDriverAdapter, type Transaction } from "@prisma/driver-adapter-utils";
import { AsyncQueue } from "../../async-queue";
import { openPgliteBulkSession, trackPglite, type BulkSession } from "../pg-sessions";
import type { AppMessage, CopyFeed, HostMessage, Request, WireError } from "./protocol";

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };
const pglite = new PGlite(dataDir);
let adapter: SqlDriverAdapter | undefined;
const transactions = new Map<number, Transaction>();
const listeners = new Map<number, () => Promise<void>>();
// PGlite has one connection, so at most one transaction and one bulk session are open at a time.
let bulk: BulkSession | null = null;
const copies = new Map<number, AsyncQueue<Uint8Array>>();
// The app numbers its COPYs in order and runs one at a time (one transaction at a time): chunks
// of a COPY up to this one, which ended or failed before the app heard, are dropped.
let endedUpTo = 0;
let nextId = 1;

const post = (message: HostMessage) => port.postMessage(message);

/** A COPY's chunks as the app sends them, the async iterable the bulk session reads. */
function copyQueue(copy: number): AsyncQueue<Uint8Array> {
  let queue = copies.get(copy);
  if (!queue) copies.set(copy, (queue = new AsyncQueue()));
  return queue;
}

function feed({ copy, chunk, end, abort }: CopyFeed): void {
  if (copy <= endedUpTo) return;
  const queue = copyQueue(copy);
  if (abort !== undefined) queue.fail(new Error(abort));
  else if (end) queue.end();
  else if (chunk) queue.push(chunk);
}

function queryable(tx: number | undefined) {
  if (tx === undefined) return adapter!;
  const open = transactions.get(tx);
  if (!open) throw new Error(`No open transaction ${tx}.`);
  return open;
}

async function handle(request: Request): Promise<unknown> {
  switch (request.op) {
    case "connect":
      await pglite.waitReady; // a data directory PGlite cannot open fails here, not at a first query
      adapter ??= await new PrismaPGlite(trackPglite(pglite)).connect();
      return adapter.getConnectionInfo?.();
    case "queryRaw":
      return queryable(request.tx).queryRaw(request.query);
    case "executeRaw":
      return queryable(request.tx).executeRaw(request.query);
    case "executeScript":
      return adapter!.executeScript(request.script);
    case "startTransaction": {
      const tx = await adapter!.startTransaction(request.isolationLevel);
      const id = nextId++;
      transactions.set(id, tx);
      return { tx: id, options: tx.options };
    }
    case "commit":
    case "rollback": {
      const tx = transactions.get(request.tx);
      transactions.delete(request.tx);
      bulk = null;
      return request.op === "commit" ? tx?.commit() : tx?.rollback();
    }
    case "bulk.open": {
      // Every PGlite thread of the process is asked; only the one whose transaction wrote the probe
      // answers yes, and the others keep the session they may have open.
      const found = await openPgliteBulkSession(request.probe);
      if (found) bulk = found;
      return found !== null;
    }
    case "bulk.query":
      if (!bulk) throw new Error("No open bulk session.");
      return bulk.query(request.sql, request.params);
    case "bulk.copy": {
      try {
        if (!bulk) throw new Error("No open bulk session.");
        return await bulk.copy(request.table, request.columns, copyQueue(request.copy));
      } finally {
        copies.delete(request.copy);
        endedUpTo = Math.max(endedUpTo, request.copy);
      }
    }
    case "listen": {
      const id = nextId++;
      listeners.set(id, await pglite.listen(request.channel, (payload) => post({ notify: { listener: id, payload } })));
      return id;
    }
    case "unlisten":
      await listeners.get(request.listener)?.();
      listeners.delete(request.listener);
      return undefined;
    case "close":
      await pglite.close();
      return undefined;
  }
}

function wireError(err: unknown): WireError {
  if (isDriverAdapterError(err)) return { driver: err.cause, name: err.name, message: err.message };
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, stack: e.stack, code: (e as { code?: string }).code };
}

port.on("message", (message: AppMessage) => {
  if ("feed" in message) {
    feed(message.feed);
    return;
  }
  handle(message.request).then(
    (value) => post({ reply: { id: message.id, value } }),
    (err: unknown) => post({ reply: { id: message.id, error: wireError(err) } }),
  );
});
