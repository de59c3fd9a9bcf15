/**
 * An in-process copy of hot, per-user reads (the session's user row, the cached explanation and
 * dashboard rows, API tokens, responses derived from them), so a request that finds its data
 * unchanged makes no database round trip. The database stays the only authority:
 *
 * - Every entry belongs to one user and is dropped when the change feed (lib/db/change-feed.ts)
 *   reports a committed write to that user's rows, on any instance.
 * - While the feed is not live (connecting, or its connection was lost) nothing is served from or
 *   stored in memory: every read goes to the database.
 * - A read that raced a notification is not stored: each change bumps an epoch, and a value is
 *   kept only if no change arrived between the start of its load and its end. (A write committed
 *   before the load began is visible to it; one committed after notifies after, and drops it.)
 * - Bounded by an approximate byte budget, least recently used first out.
 *
 * Values are shared between requests: callers must treat them as immutable.
 */
import type { ChangeFeed } from "./change-feed";

export type ReadCacheOptions = { maxBytes?: number };

type Entry = { owner: string; value: unknown; bytes: number };

export const DEFAULT_READ_CACHE_BYTES = 64 * 1024 * 1024;

export class ReadCache {
  private entries = new Map<string, Entry>();
  private byOwner = new Map<string, Set<string>>();
  private bytes = 0;
  private epoch = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly feed: ChangeFeed,
    options: ReadCacheOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_READ_CACHE_BYTES;
    feed.onChange((userId) => (userId === null ? this.clear() : this.invalidate(userId)));
  }

  /**
   * The value under `key`, loading it on a miss. `owner` names the user whose rows it came from
   * (a function when only the value tells, e.g. a token's owner); null means "do not keep".
   * `bytes` estimates its size for the budget (default: a string's length, else 1 KB).
   */
  async read<T>(key: string, load: () => Promise<T>, options: { owner: string | ((value: T) => string | null); bytes?: (value: T) => number }): Promise<T> {
    if (!this.feed.live) return load();
    const hit = this.entries.get(key);
    if (hit) {
      // Re-inserted: Map order is the LRU order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const epoch = this.epoch;
    const value = await load();
    const owner = typeof options.owner === "function" ? options.owner(value) : options.owner;
    if (owner !== null && this.feed.live && this.epoch === epoch) {
      this.store(key, owner, value, options.bytes?.(value) ?? (typeof value === "string" ? value.length : 1024));
    }
    return value;
  }

  /** Drops everything held for `userId`. */
  invalidate(userId: string): void {
    this.epoch++;
    const keys = this.byOwner.get(userId);
    if (!keys) return;
    for (const key of keys) this.remove(key);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.byOwner.clear();
    this.bytes = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private store(key: string, owner: string, value: unknown, bytes: number): void {
    if (bytes > this.maxBytes / 4) return; // one huge value must not flush everyone else's
    this.remove(key);
    this.entries.set(key, { owner, value, bytes });
    this.bytes += bytes;
    let keys = this.byOwner.get(owner);
    if (!keys) this.byOwner.set(owner, (keys = new Set()));
    keys.add(key);
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    const keys = this.byOwner.get(entry.owner);
    keys?.delete(key);
    if (keys?.size === 0) this.byOwner.delete(entry.owner);
  }
}

// The cache of a Prisma client, looked up by the client so data functions keep their
// `(db: PrismaClient, ...)` signatures: the app's client has one (lib/db.ts), a test's or a
// script's has none unless it attaches one, and then every read goes to the database.
const caches = new WeakMap<object, () => ReadCache | undefined>();

export function attachReadCache(db: object, cache: () => ReadCache | undefined): void {
  caches.set(db, cache);
}

/**
 * Drops what `db`'s read cache holds for `userId` at once, for a write of this process's own that
 * its next read must see: the change feed's notification of it arrives a moment later.
 */
export function invalidateCached(db: object, userId: string): void {
  caches.get(db)?.()?.invalidate(userId);
}

/** `load()` through `db`'s read cache, or straight to the database when it has none. */
export function cachedRead<T>(db: object, key: string, load: () => Promise<T>, options: { owner: string | ((value: T) => string | null); bytes?: (value: T) => number }): Promise<T> {
  const cache = caches.get(db)?.();
  return cache ? cache.read(key, load, options) : load();
}
