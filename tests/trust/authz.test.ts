/**
 * Authorization everywhere: signed in as borrower B, every server action, route handler and page
 * with an id in its input is tried on borrower A's ids (event row, drop date, recovery step,
 * appeal, API token, CSV mapping). Each must answer "not found" (404 / notFound() / the action's
 * notFound|invalid|unknownStep), and every row A owns must be byte-for-byte what it was. The
 * actions that take no id (a new token, the account settings, sign-up, the language) are tried
 * too: whatever they do lands on B, never on A.
 *
 * The session and the app's `db` are replaced (vi.mock) so the real actions, routes and pages
 * run against a test database as B; tests/trust/authz-inventory.test.ts makes sure every action
 * in lib/actions, and every route and page with params in app/, is listed here.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import type { AppUser } from "@/lib/data/users";
import { outcome } from "@/lib/actions/testing/harness";
import { form, seedBorrowers, snapshotOf, DROP_DATE, MAPPED_CSV, SECRET_OF_A, type Borrowers } from "./authz-fixtures";

const h = vi.hoisted(() => ({ db: null as unknown, user: null as unknown }));

vi.mock("@/lib/db", () => ({
  get db() {
    return h.db;
  },
}));
// Only the identity lookups are replaced; anything else the module exports stays real.
vi.mock("@/lib/auth/session", async (importOriginal) => {
  return {
    ...(await importOriginal<object>()),
    getCurrentUser: async () => h.user,
    requireUser: async () => {
      if (!h.user) throw new Error("NEXT_REDIRECT:/sign-in");
      return h.user;
    },
    requireSession: async () => {
      if (!h.user) throw Object.assign(new Error("NEXT_REDIRECT:/sign-in"), { digest: "NEXT_REDIRECT" });
      return { user: h.user, authAt: 0 };
    },
  };
});
// The cookie a settings action re-issues is next-auth's business (lib/auth tests); here only the rows matter.
vi.mock("@/lib/auth/reissue", () => ({ reissueSession: async () => {}, clearSession: async () => {}, setSessionCookie: async () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ set: () => {}, get: () => undefined, getAll: () => [] }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  // As Next's own: control-flow errors carry a digest, which the action guard lets through.
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
  redirect: (url: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT:${url}`), { digest: "NEXT_REDIRECT" });
  },
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((k: string) => k, { rich: (k: string) => k, has: () => true }),
  getLocale: async () => "en",
}));

describeDatabases("B cannot reach A's data", (ctx) => {
  let s: Borrowers;
  let before: Awaited<ReturnType<typeof snapshotOf>>;

  beforeAll(async () => {
    h.db = ctx().prisma;
    s = await seedBorrowers(ctx().prisma);
    before = await snapshotOf(ctx().prisma, s.a.id);
  });
  beforeEach(() => {
    h.db = ctx().prisma;
    h.user = s.b satisfies AppUser;
  });
  // Checked after every test rather than once: a failure names the route that changed A's rows.
  const aUnchanged = async () => expect(await snapshotOf(ctx().prisma, s.a.id)).toEqual(before);

  describe("server actions", () => {
    it("data: editing or deleting A's event row -> notFound", async () => {
      const { saveEventAction, deleteEventAction } = await import("@/lib/actions/events");
      const edit = await saveEventAction({ rowId: s.eventRowId, event: { type: "borrow", date: "2025-01-10", amount: 1, loanId: "L-1", termMonths: 3 } });
      expect(edit).toEqual({ ok: false, code: "notFound" });
      expect(await deleteEventAction(s.eventRowId)).toEqual({ ok: false, code: "notFound" });
      await aUnchanged();
    });

    it("appeal: saving a letter for A's drop, or recording a filing of A's appeal -> invalid", async () => {
      const { saveAppealAction, recordFilingAction } = await import("@/lib/actions/appeals");
      const save = await saveAppealAction(null, form({ dropDate: DROP_DATE, language: "en", body: "B tries to write into A's appeal letter." }));
      expect(save).toEqual({ ok: false, code: "invalid" });
      const filing = form({ dropDate: DROP_DATE, appealId: s.appealId, filedAt: "2025-04-05", filedWith: "B", outcome: "refused" });
      expect(await recordFilingAction(null, filing)).toEqual({ ok: false, code: "invalid" });
      await aUnchanged();
    });

    it("recovery: marking a step of A's drop -> unknownStep", async () => {
      const { setStepStatusAction } = await import("@/lib/actions/recovery");
      for (const status of ["done", "skipped", "todo"]) {
        const res = await setStepStatusAction(null, form({ dropDate: DROP_DATE, stepCode: s.stepCode, status, on: "2025-04-03" }));
        expect(res).toEqual({ ok: false, code: "unknownStep" });
      }
      await aUnchanged();
    });

    it("tokens: revoking A's token -> notFound, and A's token still authenticates", async () => {
      const { revokeTokenAction } = await import("@/lib/actions/api-tokens");
      expect(await revokeTokenAction(null, form({ tokenId: s.tokenA.apiToken.id }))).toEqual({ ok: false, code: "notFound" });
      const { authenticateApiToken } = await import("@/lib/data/api-tokens");
      expect((await authenticateApiToken(ctx().prisma, { token: s.tokenA.token }))?.userId).toBe(s.a.id);
      // authenticateApiToken touched A's lastUsedAt: that is A's own use, not B's doing.
      before = await snapshotOf(ctx().prisma, s.a.id);
    });

    it("profile: naming A's drop sends B to the dashboard, not to A's drop", async () => {
      const { saveProfileAction } = await import("@/lib/actions/profile");
      const res = await outcome(() => saveProfileAction(null, form({ monthlyIncome: "9000", effectiveDate: "2025-01-05", drop: DROP_DATE })));
      expect(res).toBe("REDIRECT:/dashboard");
      await aUnchanged();
    });

    it("tokens: a new token is B's, whatever B names it", async () => {
      const { createTokenAction } = await import("@/lib/actions/api-tokens");
      const res = await createTokenAction(null, form({ name: `A's token` }));
      if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`);
      const { authenticateApiToken } = await import("@/lib/data/api-tokens");
      expect((await authenticateApiToken(ctx().prisma, { token: res.data.token }))?.userId).toBe(s.b.id);
      await aUnchanged();
    });

    it("account: B's password, e-mail, sessions and deletion act on B only; A's e-mail cannot be taken", async () => {
      const { changePasswordAction, changeEmailAction, signOutEverywhereAction, deleteAccountAction } = await import("@/lib/actions/account");
      const wrong = await changePasswordAction(null, form({ currentPassword: "not-b-password", newPassword: "a-brand-new-passphrase" }));
      expect(wrong).toEqual({ ok: false, code: "invalid", fieldErrors: { currentPassword: "currentPasswordWrong" } });
      expect(await changeEmailAction(null, form({ email: s.a.email, password: "not-b-password" }))).toMatchObject({ ok: false, code: "invalid" });
      expect(await deleteAccountAction(null, form({ password: "not-b-password" }))).toMatchObject({ ok: false, code: "invalid" });
      const version = (await ctx().prisma.user.findUniqueOrThrow({ where: { id: s.b.id } })).sessionVersion;
      expect(await signOutEverywhereAction(null, form({}))).toMatchObject({ ok: true });
      expect((await ctx().prisma.user.findUniqueOrThrow({ where: { id: s.b.id } })).sessionVersion).toBe(version + 1);
      await aUnchanged();
    });

    it("my limit changed: B's observations land in B's history, A's stays as it was", async () => {
      const { recordLimitChangeAction } = await import("@/lib/actions/limit-change");
      // A day of its own, removed again: the page and API tests below read B's history as seeded.
      const day = "2024-06-15";
      const res = await recordLimitChangeAction(null, form({ previous: "30000", current: "0", date: day }));
      expect(res).toEqual({ ok: true, data: { href: `/drops/${day}?recorded=1` } });
      const written = { userId: s.b.id, type: "limit" as const, day: { in: [new Date("2024-06-14T00:00:00Z"), new Date(`${day}T00:00:00Z`)] } };
      expect(await ctx().prisma.event.count({ where: written })).toBe(2);
      await aUnchanged();
      await ctx().prisma.event.deleteMany({ where: written });
    });

    it("sign-up with A's e-mail answers as for a fresh one and creates nothing; the language choice is B's", async () => {
      const { signUpAction } = await import("@/lib/actions/sign-up");
      const users = await ctx().prisma.user.count();
      const res = await signUpAction({ email: s.a.email, password: "a-long-enough-passphrase", consent: true });
      // The same answer as a new address: sign-up does not say who has an account.
      expect(res).toEqual({ ok: true, data: null });
      expect(await ctx().prisma.user.count()).toBe(users);
      const { setLocale } = await import("@/lib/actions/locale");
      expect(await setLocale(form({ locale: "zh-CN" }))).toEqual({ ok: true, data: null });
      expect((await ctx().prisma.user.findUniqueOrThrow({ where: { id: s.b.id } })).locale).toBe("zh-CN");
      await aUnchanged();
    });
    it("notifications: marking or opening A's notification -> notFound; B's mark-all, settings and calendar link touch only B", async () => {
      const { markNotificationReadAction, openNotificationAction, markAllReadAction, saveDeliveryAction, calendarLinkAction } = await import("@/lib/actions/notifications");
      expect(await markNotificationReadAction(null, form({ id: s.notificationId }))).toEqual({ ok: false, code: "notFound" });
      expect(await outcome(() => openNotificationAction(null, form({ id: s.notificationId })))).toBe("REDIRECT:/notifications");
      expect(await markAllReadAction(null, form({}))).toMatchObject({ ok: true });
      expect(await saveDeliveryAction(null, form({ "NEW_SIGNAL.inApp": "on" }))).toEqual({ ok: true, data: null });
      const created = await calendarLinkAction(null, form({ op: "create" }));
      expect(created).toMatchObject({ ok: true, data: { token: expect.stringMatching(/^cal_/) } });
      expect(await calendarLinkAction(null, form({ op: "revoke" }))).toEqual({ ok: true, data: { token: null } });
      // A's link still serves A's feed (reading it is A's own use: lastUsedAt).
      const { calendarResponse } = await import("@/lib/reminders/feed");
      expect((await calendarResponse(ctx().prisma, `${s.calendarA.token}.ics`)).status).toBe(200);
      before = await snapshotOf(ctx().prisma, s.a.id);
      await aUnchanged();
    });

    it("Try the demo creates a new demo borrower of its own and touches none of A's rows", async () => {
      const { startDemoAction } = await import("@/lib/actions/demo");
      const users = await ctx().prisma.user.count();
      expect(await outcome(() => startDemoAction(form({})))).toBe("REDIRECT:/dashboard");
      expect(await ctx().prisma.user.count()).toBe(users + 1);
      expect(await ctx().prisma.user.count({ where: { isDemo: true } })).toBeGreaterThan(0);
      await aUnchanged();
    });
  });

  describe("pages with params", () => {
    it("/data/events/[A's row id], its layout and its page -> 404", async () => {
      const params = Promise.resolve({ id: s.eventRowId });
      const { default: Layout } = await import("@/app/(app)/data/events/[id]/layout");
      const { default: Page } = await import("@/app/(app)/data/events/[id]/page");
      expect(await outcome(() => Layout({ children: null, params }))).toBe("NOT_FOUND");
      expect(await outcome(() => Page({ params }))).toBe("NOT_FOUND");
    });

    it("/drops/[A's drop date], its layout and its appeal page -> 404", async () => {
      const params = Promise.resolve({ date: DROP_DATE });
      const searchParams = Promise.resolve({});
      const { default: Layout } = await import("@/app/(app)/drops/[date]/layout");
      const { default: DropPage } = await import("@/app/(app)/drops/[date]/page");
      const { default: AppealPage } = await import("@/app/(app)/drops/[date]/appeal/page");
      expect(await outcome(() => Layout({ children: null, params }))).toBe("NOT_FOUND");
      expect(await outcome(() => DropPage({ params, searchParams }))).toBe("NOT_FOUND");
      expect(await outcome(() => AppealPage({ params, searchParams }))).toBe("NOT_FOUND");
      await aUnchanged();
    });
  });

  describe("route handlers", () => {
    // B's history may hold ids that look like A's (B may import them): A's content is the tell.
    const leaksA = (text: string) => text.includes(SECRET_OF_A) || text.includes(s.a.email);

    it("exports and the dashboard data carry only B's events", async () => {
      const json = await import("@/app/api/app/export/json/route");
      const csv = await import("@/app/api/app/export/csv/route");
      const dash = await import("@/app/api/app/dashboard/route");
      for (const res of [await json.GET(new Request("http://x/api/app/export/json")), await csv.GET(new Request("http://x/api/app/export/csv")), await dash.GET()]) {
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).toContain("b-");
        expect(leaksA(text)).toBe(false);
      }
      // B's own export wrote B's audit row, none of A's.
      await aUnchanged();
    });

    it("importing a file that reuses A's event ids writes B's rows only", async () => {
      const preview = await import("@/app/api/app/import/preview/route");
      const commit = await import("@/app/api/app/import/commit/route");
      const doc = { ...(await import("@/lib/api/v1/test-helpers")).sampleDocument() };
      // Limits left out so B still has no drop of their own for the later tests.
      doc.events = doc.events.filter((e) => e.type !== "limit").map((e) => ({ ...e, id: `a-${e.id}` }));
      const req = () => new Request("http://app.test/api/app/import/x", { method: "POST", headers: { origin: "http://app.test", host: "app.test" }, body: JSON.stringify(doc) });
      const p = await (await preview.POST(req())).json();
      // Against B's rows, A's ids are all fresh: the preview reveals nothing of A's history.
      expect(p).toMatchObject({ kind: "preview", fresh: 8, changed: 0, known: 0 });
      expect((await commit.POST(req())).status).toBe(200);
      expect(await ctx().prisma.event.count({ where: { userId: s.b.id, eventId: { startsWith: "a-" } } })).toBe(8);
      // A's remembered CSV mapping is A's: B's file with the same header is asked to be mapped.
      const csv = () => new Request("http://app.test/api/app/import/preview", { method: "POST", headers: { origin: "http://app.test", host: "app.test" }, body: MAPPED_CSV });
      expect(await (await preview.POST(csv())).json()).toMatchObject({ kind: "needs-mapping" });
      // The control: A, whose mapping it is, gets it applied.
      h.user = s.a;
      expect(await (await preview.POST(csv())).json()).toMatchObject({ kind: "preview", mappingRemembered: true });
      await aUnchanged();
    });

    it("screenshots: B's confirmed values become B's rows only; a refused image changes nothing", async () => {
      const read = await import("@/app/api/app/screenshots/read/route");
      const commit = await import("@/app/api/app/screenshots/commit/route");
      const headers = { origin: "http://app.test", host: "app.test" };
      const heic = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode("ftypheic"), 0, 0, 0, 0]);
      expect((await read.POST(new Request("http://app.test/api/app/screenshots/read", { method: "POST", headers, body: heic }))).status).toBe(422);
      // One limit only (no drop of B's own for the later tests) and a score.
      const body = JSON.stringify({
        screenshots: 1,
        observations: [
          { type: "limit", product: "Jiebei", value: 9000, date: "2025-02-01" },
          { type: "score", product: "Sesame", value: 700, date: "2025-02-01" },
        ],
      });
      const res = await commit.POST(new Request("http://app.test/api/app/screenshots/commit", { method: "POST", headers, body }));
      expect(await res.json()).toMatchObject({ added: 2 });
      expect(await ctx().prisma.event.count({ where: { userId: s.b.id, payload: { path: ["source"], equals: "import:screenshot" } } })).toBe(2);
      await aUnchanged();
    });

    it("the sync API with B's token sees and changes only B's history", async () => {
      const { apiRequest } = await import("@/lib/api/v1/test-helpers");
      const history = await import("@/app/api/v1/history/route");
      const explanations = await import("@/app/api/v1/explanations/route");
      const got = await history.GET(apiRequest("/api/v1/history", { token: s.tokenB.token }));
      expect(leaksA(await got.text())).toBe(false);
      const drops = await (await explanations.GET(apiRequest("/api/v1/explanations", { token: s.tokenB.token }))).json();
      expect(drops.drops.map((d: { date: string }) => d.date)).not.toContain(DROP_DATE);
      // A's token *id* is not a credential.
      expect((await history.GET(apiRequest("/api/v1/history", { token: s.tokenA.apiToken.id }))).status).toBe(401);
      await aUnchanged();
    });

    it("the calendar feed and the unsubscribe endpoint take only their own secrets: A's ids and forged tokens are 404", async () => {
      const calendar = await import("@/app/api/calendar/[token]/route");
      const unsubscribe = await import("@/app/api/email/unsubscribe/route");
      const feed = (token: string) => calendar.GET(new Request(`http://x/api/calendar/${token}`), { params: Promise.resolve({ token }) });
      const row = await ctx().prisma.calendarToken.findFirstOrThrow({ where: { userId: s.a.id, revokedAt: null } });
      for (const t of [`${row.id}.ics`, `${row.prefix}.ics`, `${row.tokenHash}.ics`]) expect((await feed(t)).status).toBe(404);
      const forged = `${Buffer.from(`${s.a.id}:all`).toString("base64url")}.${"A".repeat(43)}`;
      const res = await unsubscribe.POST(new Request(`http://x/api/email/unsubscribe?t=${forged}`, { method: "POST", body: "List-Unsubscribe=One-Click" }));
      expect(res.status).toBe(404);
      await aUnchanged();
    });

    it("the notification centre lists only B's notifications", async () => {
      const { default: Page } = await import("@/app/(app)/notifications/page");
      const { listNotifications } = await import("@/lib/data/notifications");
      // B may have alerts of B's own (B's import above can raise one): none is A's.
      const mine = await listNotifications(ctx().prisma, { userId: s.b.id });
      expect(mine.map((n) => n.id)).not.toContain(s.notificationId);
      expect(JSON.stringify(mine)).not.toContain(SECRET_OF_A);
      // The page's element tree hands each notification to an item: exactly B's.
      const ids: string[] = [];
      const walk = (node: unknown, seen = new WeakSet<object>()): void => {
        if (!node || typeof node !== "object" || seen.has(node)) return;
        seen.add(node);
        const props = (node as { props?: { n?: { id?: string }; children?: unknown } }).props;
        if (props?.n?.id) ids.push(props.n.id);
        if (Array.isArray(node)) node.forEach((c) => walk(c, seen));
        else walk(props?.children, seen);
      };
      walk(await outcome(() => Page()));
      expect(ids).toEqual(mine.map((n) => n.id));
      await aUnchanged();
    });

    it("without a session every cookie route answers 401 and every page redirects to sign-in", async () => {
      h.user = null;
      const dash = await import("@/app/api/app/dashboard/route");
      const json = await import("@/app/api/app/export/json/route");
      expect((await dash.GET()).status).toBe(401);
      expect((await json.GET(new Request("http://x/api/app/export/json"))).status).toBe(401);
      const { default: Page } = await import("@/app/(app)/data/events/[id]/page");
      expect(await outcome(() => Page({ params: Promise.resolve({ id: s.eventRowId }) }))).toBe("REDIRECT:/sign-in");
      await aUnchanged();
    });
  });
});
