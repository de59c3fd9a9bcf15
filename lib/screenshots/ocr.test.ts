/**
 * The whole reading path on images Chromium renders now from mock pages (light and dark, three
 * widths and device scales, PNG and JPEG, with and without printed dates): worker pool, engine,
 * EXIF, readScreenshot. A handful of images only: each takes the engine 1–4 s on a busy machine.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closePool, run } from "@/lib/workers/pool";
import { openRenderer, type Renderer } from "./testing/render";
import { jpegWithExif } from "./testing/with-exif";

let renderer: Renderer;
beforeAll(async () => {
  renderer = await openRenderer();
});
afterAll(async () => {
  await renderer?.close();
  await closePool();
});

const read = (bytes: Uint8Array, lastModified?: number) => run("screenshot.read", { bytes, lastModified });
const obs = (r: Awaited<ReturnType<typeof read>>) => r.observations.map((o) => [o.type, o.value, o.date ?? null]);
// 2026-11-30 12:00 in Shanghai.
const FILE_TIME = Date.UTC(2026, 10, 30, 4);

describe("reading rendered screenshots", () => {
  test("借呗, light, 390 px at 3x, PNG, printed Chinese date", async () => {
    const img = await renderer.render({ kind: "jiebei", limit: "30,000.00", available: "21,500.00", dateLine: "额度更新于2026年09月03日" }, { scale: 3 });
    const r = await read(img, FILE_TIME);
    expect(r.product).toBe("Jiebei");
    expect(obs(r)).toEqual([["available", 21500, "2026-09-03"], ["limit", 30000, "2026-09-03"]]);
    expect(r.dateSource).toBe("printed");
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  test("花呗, dark, 360 px at 2x, JPEG with EXIF and no printed date: the EXIF day", async () => {
    const png = await renderer.render({ kind: "huabei", theme: "dark", limit: "8,000.00", available: "6,713.60" }, { width: 360, height: 780 });
    const r = await read(await jpegWithExif(png, "2026:08:30 21:14:05"), FILE_TIME);
    expect(r.product).toBe("Huabei");
    expect(obs(r)).toEqual([["available", 6713.6, "2026-08-30"], ["limit", 8000, "2026-08-30"]]);
    expect(r.dateSource).toBe("exif");
  });

  test("京东金条 in 万, 412 px at 2.625x, JPEG, dated 更新于…", async () => {
    const img = await renderer.render({ kind: "jintiao", limit: "3.5万", available: "2万", dateLine: "更新于2026-11-28" }, { width: 412, height: 860, scale: 2.625, format: "jpeg" });
    const r = await read(img);
    expect(r.product).toBe("Jintiao");
    expect(obs(r)).toEqual([["available", 20000, "2026-11-28"], ["limit", 35000, "2026-11-28"]]);
  });

  test("芝麻分, dark, no printed date: the file's day, and the clock is no date", async () => {
    const img = await renderer.render({ kind: "sesame", theme: "dark", score: 712, clock: "12:31" });
    const r = await read(img, FILE_TIME);
    expect(r.product).toBe("Sesame");
    expect(obs(r)).toEqual([["score", 712, "2026-11-30"]]);
    expect(r.dateSource).toBe("file");
  });

  test("借呗 withdrawn reads as a limit of 0", async () => {
    const img = await renderer.render({ kind: "jiebei", withdrawn: "暂无额度", dateLine: "2026.10.18" }, { scale: 2 });
    expect(obs(await read(img))).toEqual([["limit", 0, "2026-10-18"]]);
  });

  test("余额宝 is refused and nothing is read from it", async () => {
    const r = await read(await renderer.render({ kind: "yuebao", dateLine: "2026.10.18" }));
    expect(r.product).toBeNull();
    expect(r.observations).toEqual([]);
    expect(r.reasonCode).toBe("savings");
  });

  test("bytes that are no image fail with an error", async () => {
    await expect(read(new TextEncoder().encode("not an image at all"))).rejects.toThrow();
  });
});
