import { expect, it } from "vitest";
import { explain } from "@/lib/core";
import { MAX_AGE_MS } from "@/lib/data/explanation-cache";
import { importHistory } from "@/lib/data/history";
import { describeDatabases } from "@/lib/db/test-db";
import { parseHistory } from "@/lib/history/parse";
import { explanationResponseSchema } from "../schemas";
import { explanationsHandlers } from "./explanations";
import { historyHandlers } from "./history";
import { apiRequest, sampleDocument, userWithToken } from "./test-helpers";

describeDatabases("/api/v1/explanations", (ctx) => {
  const get = (token: string | undefined, query = "") => explanationsHandlers(() => ctx().prisma).GET(apiRequest(`/api/v1/explanations${query}`, { token }));
  const importDoc = (token: string) =>
    historyHandlers(() => ctx().prisma).POST(apiRequest("/api/v1/history", { token, body: JSON.stringify(sampleDocument()) }));

  it("needs a token", async () => {
    const res = await get(undefined);
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toContain("Bearer");
  });

  it("explains the owner's stored history exactly as the core does, in the contract's shape", async () => {
    const { token } = await userWithToken(ctx().prisma);
    expect((await importDoc(token)).status).toBe(200);
    const res = await get(token);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(explanationResponseSchema.parse(body)).toBeTruthy();
    expect(body.drops).toHaveLength(1);
    expect(body.drops[0]).toMatchObject({ date: "2025-03-30", previousLimit: 30000, newLimit: 12000, kind: "decrease" });
    const parsed = parseHistory(sampleDocument());
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    expect(body).toEqual(JSON.parse(JSON.stringify(explain(parsed.document))));
    expect(body.drops[0].reasons[0].text).toBeUndefined();
  });

  it("adds text with ?lang=zh or ?lang=en and refuses other languages", async () => {
    const { token } = await userWithToken(ctx().prisma);
    await importDoc(token);
    const zh = await (await get(token, "?lang=zh")).json();
    const en = await (await get(token, "?lang=en")).json();
    const [zr, er] = [zh.drops[0].reasons[0], en.drops[0].reasons[0]];
    expect(zr.code).toBe(er.code);
    expect(zr.text).toMatch(/[\u4e00-\u9fff]/);
    expect(er.text).toMatch(/[A-Za-z]/);
    expect(er.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh.drops[0].steps[0].text).toBeTruthy();
    // A drop-level sentence with the amounts in the borrower's currency (spec: "Texts").
    expect(zh.drops[0].text).toContain("30,000元");
    expect(en.drops[0].text).toContain("¥30,000");
    expect((await get(token, "?lang=fr")).status).toBe(400);
  });

  it("shows another user's token nothing of this user's drops", async () => {
    const a = await userWithToken(ctx().prisma);
    const b = await userWithToken(ctx().prisma);
    await importDoc(a.token);
    expect(await (await get(b.token)).json()).toEqual({ version: 1, drops: [], growth: null }); // growth: null is part of the contract (spec: "When the limit does not rise")
  });

  it("gives the dashboard's answer: a platform-wide wave of drops adds POLICY_TIGHTENING", async () => {
    const db = ctx().prisma;
    // A product of its own, so the other tests' borrowers are not in its buckets.
    const product = `Wave-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const doc = () => ({ ...sampleDocument(), borrower: { currency: "CNY", product, scoreScale: { min: 350, max: 950 } } });
    const target = await userWithToken(db);
    await importHistory(db, { userId: target.user.id, document: doc() });
    const codes = async () => ((await (await get(target.token)).json()).drops[0].reasons as { code: string }[]).map((r) => r.code);
    expect(await codes()).not.toContain("POLICY_TIGHTENING");
    for (let i = 0; i < 20; i++) {
      const other = await userWithToken(db);
      await importHistory(db, { userId: other.user.id, document: doc() });
    }
    // Other borrowers' imports do not touch this user's historyVersion: the cached answer stands
    // until it is an hour old (the platform context's allowed lag, lib/data/explanation-cache.ts).
    expect(await codes()).not.toContain("POLICY_TIGHTENING");
    await db.explanationCache.updateMany({ where: { userId: target.user.id }, data: { computedAt: new Date(Date.now() - MAX_AGE_MS - 60_000) } });
    expect(await codes()).toContain("POLICY_TIGHTENING");
  });
});
