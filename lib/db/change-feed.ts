/**
 * The database's word on what changed: every committed write to a user, their cached explanation
 * or their API tokens sends the user's id on one channel (triggers of the
 * 20261123014500_change_notifications migration), and this feed LISTENs to it, so an instance
 * hears about writes made by any instance. lib/db/read-cache.ts drops what it holds on each.
 *
 * `live` is true only while the listener is known to be connected. When the connection is lost
 * the feed says so (a `null` change: anything may have changed) and reconnects with backoff;
 * notifications sent while it was away are lost, so a cache must not trust anything until `live`
 * is true again.
 */
import pg from "pg";
import type { EmbeddedListen } from "./pglite-thread/protocol";
import type { DbTarget } from "./client";

export const CHANGE_CHANNEL = "credit_health_changes";

/** A user's id, or null for "anything may have changed" (the listener was lost). */
export type ChangeListener = (userId: string | null) => void;

export interface ChangeFeed {
  readonly live: boolean;
  onChange(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

class Feed implements ChangeFeed {
  live = false;
  private listeners = new Set<ChangeListener>();

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(userId: string | null): void {
    for (const listener of this.listeners) listener(userId);
  }

  /** What closing releases (the LISTEN), set by the factory that opened it. */
  stop: () => Promise<void> = async () => {};

  async close(): Promise<void> {
    this.live = false;
    await this.stop();
  }
}

/** PGlite: one connection (on its own thread), whose own commits deliver the notifications. */
export function pgliteChangeFeed(pglite: EmbeddedListen): ChangeFeed {
  const feed = new Feed();
  let unlisten: (() => Promise<void>) | undefined;
  const ready = pglite.listen(CHANGE_CHANNEL, (payload) => feed.emit(payload || null)).then(
    (stop) => {
      unlisten = stop;
      feed.live = true;
    },
    (err: unknown) => console.error("change feed: LISTEN failed; the read cache stays off", err),
  );
  feed.stop = async () => {
    await ready;
    await unlisten?.().catch(() => {});
  };
  return feed;
}

/** PostgreSQL: a dedicated connection that only LISTENs, reconnecting with backoff (1 s to 30 s). */
export function postgresChangeFeed(url: string, options: { log?: (message: string, err?: unknown) => void } = {}): ChangeFeed {
  const feed = new Feed();
  const log = options.log ?? ((message, err) => console.error(`change feed: ${message}`, err ?? ""));
  let client: pg.Client | undefined;
  let closed = false;
  let delay = 1_000;
  let timer: NodeJS.Timeout | undefined;

  /** Ends a connection we no longer listen on; a late error from it must not crash the process. */
  const dispose = async (c: pg.Client) => {
    c.removeAllListeners();
    c.on("error", () => {});
    await c.end().catch(() => {});
  };

  const lost = (err?: unknown) => {
    if (!client) return;
    void dispose(client);
    client = undefined;
    const wasLive = feed.live;
    feed.live = false;
    if (wasLive) feed.emit(null);
    if (closed) return;
    log(`listener lost, reconnecting in ${delay} ms`, err);
    timer = setTimeout(connect, delay);
    timer.unref();
    delay = Math.min(delay * 2, 30_000);
  };

  const connect = () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on("error", lost);
    c.on("end", () => lost());
    c.on("notification", (message) => {
      if (message.channel === CHANGE_CHANNEL) feed.emit(message.payload || null);
    });
    c.connect()
      .then(() => c.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        delay = 1_000;
        feed.live = true;
      })
      .catch((err: unknown) => {
        if (client === c) lost(err);
      });
  };

  connect();
  feed.stop = async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = undefined;
    if (c) await dispose(c);
  };
  return feed;
}

/** The feed for a database the app opened (lib/db/client.ts's handle). */
export function openChangeFeed(target: DbTarget, pglite?: EmbeddedListen): ChangeFeed {
  if (target.kind === "postgres") return postgresChangeFeed(target.url);
  if (!pglite) throw new Error("a PGlite change feed needs the PGlite instance");
  return pgliteChangeFeed(pglite);
}
