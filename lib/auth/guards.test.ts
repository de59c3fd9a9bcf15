import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const h = vi.hoisted(() => ({ user: null as null | { id: string }, db: { marker: "the app's db" } }));
vi.mock("@/lib/db", () => ({ db: h.db }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => h.user,
  requireSession: async () => {
    if (!h.user) throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/sign-in" });
    return { user: h.user, authAt: 1234 };
  },
}));

const { ActionError, authedAction, publicAction, sessionRoute } = await import("./guards");

const schema = z.strictObject({ name: z.string().trim().min(1, { error: "nameRequired" }), event: z.object({ amount: z.number({ error: "amountInvalid" }) }).optional() });
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

beforeEach(() => {
  h.user = { id: "user-1" };
});

describe("authedAction", () => {
  it("reads the session once, parses FormData (React's $ACTION fields dropped) and hands fn the user, authAt and db", async () => {
    const fn = vi.fn(async (input: z.output<typeof schema>, ctx: { user: { id: string }; authAt: number; db: unknown }) => ({ got: input.name, by: ctx.user.id, at: ctx.authAt, db: ctx.db }));
    const action = authedAction(schema, fn);
    const fd = form({ name: "  Ann ", $ACTION_ID_abc: "" });
    expect(await action(null, fd)).toEqual({ ok: true, data: { got: "Ann", by: "user-1", at: 1234, db: h.db } });
    // Called directly with a plain object, the last argument is the input too.
    expect(await action({ name: "Bo" })).toMatchObject({ ok: true, data: { got: "Bo" } });
  });

  it("answers schema problems as field errors under code invalid, keyed by the innermost field, without running fn", async () => {
    const fn = vi.fn(async () => null);
    const action = authedAction(schema, fn);
    expect(await action({ name: " ", event: { amount: "x" } })).toEqual({ ok: false, code: "invalid", fieldErrors: { name: "nameRequired", amount: "amountInvalid" } });
    expect(fn).not.toHaveBeenCalled();
  });

  it("signed out: the redirect to sign-in escapes, before any input is parsed", async () => {
    h.user = null;
    const fn = vi.fn(async () => null);
    await expect(authedAction(schema, fn)({ name: "x" })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(fn).not.toHaveBeenCalled();
  });

  it("maps ActionError, AppError and anything else to one result shape, logging only the unexpected", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = (err: unknown) => authedAction(schema, async () => Promise.reject(err))({ name: "x" });
    expect(await failing(new ActionError("tooMany"))).toEqual({ ok: false, code: "tooMany" });
    expect(await failing(new ActionError("invalid", { email: "emailTaken" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { email: "emailTaken" } });
    expect(await failing(new AppError("not_found", "No such row."))).toEqual({ ok: false, code: "notFound" });
    const problems = ["events[0].date: is in the future (2999-01-01)", "events[0].date: second problem", "a problem of the whole document"];
    expect(await failing(new AppError("validation_failed", "bad", { problems }))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { date: "is in the future (2999-01-01)", form: "a problem of the whole document" },
    });
    expect(log).not.toHaveBeenCalled();
    expect(await failing(new Error("database down"))).toEqual({ ok: false, code: "unexpected" });
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });

  it("lets redirect() and notFound() from fn through to Next", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/dashboard" });
    await expect(authedAction(schema, async () => Promise.reject(redirect))({ name: "x" })).rejects.toBe(redirect);
  });
});

describe("publicAction", () => {
  it("runs without a session, with the same parsing and results", async () => {
    h.user = null;
    const action = publicAction(schema, async (input, ctx) => ({ name: input.name, db: ctx.db }));
    expect(await action({ name: "Cy" })).toEqual({ ok: true, data: { name: "Cy", db: h.db } });
    expect(await action({})).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("sessionRoute", () => {
  const post = (headers: Record<string, string>) => new Request("http://app.test/api/app/x", { method: "POST", headers });
  const route = sessionRoute(async ({ user, ip }) => Response.json({ user: user.id, ip }));

  it("answers the signed-in user's request, no-store unless the handler chose its caching", async () => {
    const res = await route(new Request("http://app.test/api/app/x"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: "user-1", ip: null });
    expect(res.headers.get("cache-control")).toBe("no-store");
    const own = await sessionRoute(async () => new Response("x", { headers: { "cache-control": "private, no-cache" } }))(new Request("http://app.test/"));
    expect(own.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("refuses a cross-site write (403) before looking at the session, and a missing session with 401", async () => {
    const fn = vi.fn(async () => new Response("ran"));
    const guarded = sessionRoute(fn);
    const cross = await guarded(post({ origin: "https://evil.example", host: "app.test" }));
    expect(cross.status).toBe(403);
    expect((await cross.json()).error.code).toBe("forbidden");
    h.user = null;
    const anonymous = await guarded(post({ origin: "http://app.test", host: "app.test" }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    expect(fn).not.toHaveBeenCalled();
  });

  it("maps AppErrors to their status and anything else to a 500 that reveals nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await sessionRoute(async () => Promise.reject(new AppError("payload_too_large", "big")))(post({ origin: "http://app.test", host: "app.test" }))).status).toBe(413);
    const crash = await sessionRoute(async () => Promise.reject(new Error("secret detail")))(new Request("http://app.test/"));
    expect(crash.status).toBe(500);
    expect(await crash.text()).not.toContain("secret detail");
    log.mockRestore();
  });
});
