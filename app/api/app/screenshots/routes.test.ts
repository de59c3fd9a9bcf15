/**
 * The screenshot routes at their boundary: same origin, a signed-in user, bytes sniffed, zod on
 * the saved observations. The OCR path itself is covered by lib/screenshots/ocr.test.ts; here a
 * refusal happens before any worker is asked.
 */
import { afterAll, expect, it, vi } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { closePool } from "@/lib/workers/pool";

const h = vi.hoisted(() => ({ db: null as unknown, user: null as unknown }));
vi.mock("@/lib/db", () => ({
  get db() {
    return h.db;
  },
}));
vi.mock("@/lib/auth/session", async (importOriginal) => ({ ...(await importOriginal<object>()), getCurrentUser: async () => h.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

afterAll(closePool);

const ORIGIN = { origin: "http://app.test", host: "app.test" };
const post = (path: string, body: BodyInit, headers: Record<string, string> = ORIGIN) => new Request(`http://app.test${path}`, { method: "POST", headers, body });
const heic = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode("ftypheic"), 0, 0, 0, 0]);
const jiebei = { type: "limit", product: "Jiebei", value: 30000, date: "2026-09-03" };

describeDatabases("screenshot routes", (ctx) => {
  it("refuse another site, a missing session, HEIC and non-images; save only valid observations of the signed-in user", async () => {
    const read = await import("./read/route");
    const commit = await import("./commit/route");
    const { prisma } = ctx();
    h.db = prisma;
    const user = await prisma.user.create({ data: { email: `routes-${Date.now()}@example.com`, passwordHash: "x" } });

    h.user = null;
    expect((await read.POST(post("/api/app/screenshots/read", heic))).status).toBe(401);
    h.user = { ...user };
    expect((await read.POST(post("/api/app/screenshots/read", heic, { origin: "https://evil.example", host: "app.test" }))).status).toBe(403);
    const refusedHeic = await read.POST(post("/api/app/screenshots/read", heic));
    expect(refusedHeic.status).toBe(422);
    expect((await refusedHeic.json()).error.message).toMatch(/HEIC.*JPEG/);
    const pdf = await read.POST(post("/api/app/screenshots/read", new TextEncoder().encode("%PDF-1.7 ...")));
    expect((await pdf.json()).error.message).toBe("Only PNG, JPEG and WebP screenshots can be read.");
    const big = await read.POST(post("/api/app/screenshots/read", new Uint8Array(10 * 1024 * 1024 + 1)));
    expect(big.status).toBe(413);

    const bad = await commit.POST(post("/api/app/screenshots/commit", JSON.stringify({ screenshots: 1, observations: [{ ...jiebei, value: -5 }] })));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.problems[0]).toMatch(/^observations\[0\]\.value/);
    expect((await commit.POST(post("/api/app/screenshots/commit", JSON.stringify({ screenshots: 1, observations: [jiebei] }), { host: "app.test" }))).status).toBe(403);
    expect(await prisma.event.count({ where: { userId: user.id } })).toBe(0);

    const ok = await commit.POST(post("/api/app/screenshots/commit", JSON.stringify({ screenshots: 2, observations: [jiebei, { ...jiebei, product: "Huabei" }] })));
    expect(await ok.json()).toEqual({ added: 1, updated: 0, unchanged: 0, observations: 1, otherProduct: 1 });
    expect(await prisma.event.count({ where: { userId: user.id, type: "limit" } })).toBe(1);
  });
});
