/**
 * The stand-ins the action tests mock Next and the session with, so the real actions run against a
 * test database as whichever user `as.user` names:
 *
 * ```ts
 * vi.mock("@/lib/db", async () => (await import("./testing/harness")).dbModule);
 * vi.mock("@/lib/auth/session", async () => (await import("./testing/harness")).sessionModule);
 * ```
 *
 * redirect() and notFound() throw as Next's do (an error with a digest); `outcome` turns that
 * into `REDIRECT:/url` for an assertion.
 */
import { randomUUID } from "node:crypto";
import { importHistory } from "@/lib/data/history";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const as = {
  db: undefined as PrismaClient | undefined,
  user: null as null | { id: string; email: string; name: string | null; sessionVersion: number; locale: string | null },
  cookies: new Map<string, string>(),
  revalidated: [] as string[],
};

/** Signs the test in as this user (read fresh, as a session would). */
export async function signInAs(db: PrismaClient, userId: string) {
  as.db = db;
  as.user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  as.cookies.clear();
  as.revalidated = [];
}

const control = (digest: string, message: string) => Object.assign(new Error(message), { digest });

export const dbModule = {
  get db() {
    return as.db;
  },
};
export const sessionModule = {
  getCurrentUser: async () => as.user,
  requireSession: async () => {
    if (!as.user) throw control("NEXT_REDIRECT", "NEXT_REDIRECT:/sign-in");
    return { user: as.user, authAt: 1_700_000_000 };
  },
};
export const navigationModule = {
  redirect: (url: string) => {
    throw control("NEXT_REDIRECT", `NEXT_REDIRECT:${url}`);
  },
  notFound: () => {
    throw control("NEXT_HTTP_ERROR_FALLBACK;404", "NEXT_NOT_FOUND");
  },
};
export const cacheModule = { revalidatePath: (path: string) => void as.revalidated.push(path), revalidateTag: () => {} };
export const headersModule = {
  headers: async () => new Headers(),
  cookies: async () => ({
    set: (name: string, value: string) => void as.cookies.set(name, value),
    get: (name: string) => (as.cookies.has(name) ? { name, value: as.cookies.get(name)! } : undefined),
    getAll: () => [...as.cookies].map(([name, value]) => ({ name, value })),
  }),
};

/** What an action did: its result, or `REDIRECT:/url` / `NOT_FOUND` when it threw Next's control flow. */
export async function outcome(fn: () => unknown): Promise<unknown> {
  try {
    return await fn();
  } catch (err) {
    const m = /^NEXT_(NOT_FOUND|REDIRECT:.*)$/.exec((err as Error).message);
    if (m) return m[1];
    throw err;
  }
}

/** FormData from a plain object, as a browser's form post would arrive at a server action. */
export function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

/** A new borrower with the given history (by default none), signed in. */
export async function signInAsNewBorrower(db: PrismaClient, history?: unknown) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });
  if (history) await importHistory(db, { userId: user.id, document: history });
  await signInAs(db, user.id);
  return user.id;
}
