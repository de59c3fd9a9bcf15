import { describe, expect, it } from "vitest";
import type { ChangeFeed, ChangeListener } from "./change-feed";
import { ReadCache, attachReadCache, cachedRead } from "./read-cache";

class FakeFeed implements ChangeFeed {
  live = true;
  private listeners: ChangeListener[] = [];
  onChange(listener: ChangeListener) {
    this.listeners.push(listener);
    return () => {};
  }
  emit(userId: string | null) {
    for (const l of this.listeners) l(userId);
  }
  async close() {}
}

function counter(value: string) {
  let calls = 0;
  const load = async () => {
    calls++;
    return `${value}#${calls}`;
  };
  return { load, calls: () => calls };
}

describe("ReadCache", () => {
  it("serves a second read from memory until the owner's change is notified", async () => {
    const feed = new FakeFeed();
    const cache = new ReadCache(feed);
    const a = counter("a");
    expect(await cache.read("k", a.load, { owner: "u1" })).toBe("a#1");
    expect(await cache.read("k", a.load, { owner: "u1" })).toBe("a#1");
    expect(a.calls()).toBe(1);
    feed.emit("u2"); // someone else's change keeps u1's entry
    expect(await cache.read("k", a.load, { owner: "u1" })).toBe("a#1");
    feed.emit("u1");
    expect(await cache.read("k", a.load, { owner: "u1" })).toBe("a#2");
  });

  it("drops everything when the feed reports a lost listener (null)", async () => {
    const feed = new FakeFeed();
    const cache = new ReadCache(feed);
    const a = counter("a");
    await cache.read("k1", a.load, { owner: "u1" });
    await cache.read("k2", a.load, { owner: "u2" });
    feed.emit(null);
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it("neither serves nor stores while the feed is not live", async () => {
    const feed = new FakeFeed();
    const cache = new ReadCache(feed);
    const a = counter("a");
    await cache.read("k", a.load, { owner: "u1" });
    feed.live = false;
    expect(await cache.read("k", a.load, { owner: "u1" })).toBe("a#2");
    expect(await cache.read("k2", a.load, { owner: "u1" })).toBe("a#3");
    feed.live = true;
    expect(await cache.read("k2", a.load, { owner: "u1" })).toBe("a#4");
    expect(await cache.read("k2", a.load, { owner: "u1" })).toBe("a#4");
  });

  it("does not keep a value whose load raced a change notification", async () => {
    const feed = new FakeFeed();
    const cache = new ReadCache(feed);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = cache.read("k", async () => {
      await gate;
      return "stale";
    }, { owner: "u1" });
    feed.emit("u1"); // committed while the load was in flight
    release();
    expect(await slow).toBe("stale"); // this request gets what it read...
    expect(await cache.read("k", async () => "fresh", { owner: "u1" })).toBe("fresh"); // ...but it was not kept
  });

  it("keeps nothing whose owner is null, and learns the owner from the value", async () => {
    const feed = new FakeFeed();
    const cache = new ReadCache(feed);
    const found = { userId: "u9" };
    let loads = 0;
    const load = async () => (loads++, found);
    await cache.read("t", load, { owner: (v) => v.userId });
    await cache.read("t", load, { owner: (v) => v.userId });
    expect(loads).toBe(1);
    feed.emit("u9");
    await cache.read("t", load, { owner: (v) => v.userId });
    expect(loads).toBe(2);
    let misses = 0;
    await cache.read("none", async () => (misses++, null), { owner: () => null });
    await cache.read("none", async () => (misses++, null), { owner: () => null });
    expect(misses).toBe(2);
  });

  it("evicts least recently used entries beyond its byte budget", async () => {
    const cache = new ReadCache(new FakeFeed(), { maxBytes: 100 });
    const v = (s: string) => async () => s;
    await cache.read("a", v("x".repeat(25)), { owner: "u" });
    await cache.read("b", v("y".repeat(25)), { owner: "u" });
    await cache.read("a", v("changed"), { owner: "u" }); // a is now the most recent
    await cache.read("c", v("z".repeat(25)), { owner: "u" });
    await cache.read("d", v("w".repeat(25)), { owner: "u" });
    await cache.read("e", v("q".repeat(25)), { owner: "u" }); // 125 bytes > 100: the least recent, b, goes
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    expect(await cache.read("a", v("changed"), { owner: "u" })).toBe("x".repeat(25));
    expect(await cache.read("b", v("reloaded"), { owner: "u" })).toBe("reloaded");
    // A value over a quarter of the budget is never kept.
    await cache.read("big", v("b".repeat(60)), { owner: "u" });
    expect(await cache.read("big", v("again"), { owner: "u" })).toBe("again");
  });

  it("cachedRead goes straight to the loader for a client without a cache", async () => {
    const client = {};
    const a = counter("a");
    await cachedRead(client, "k", a.load, { owner: "u" });
    await cachedRead(client, "k", a.load, { owner: "u" });
    expect(a.calls()).toBe(2);
    const cache = new ReadCache(new FakeFeed());
    attachReadCache(client, () => cache);
    await cachedRead(client, "k", a.load, { owner: "u" });
    await cachedRead(client, "k", a.load, { owner: "u" });
    expect(a.calls()).toBe(3);
  });
});
