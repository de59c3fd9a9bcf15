import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireApiPrincipal, type ApiPrincipal } from "@/lib/api/auth";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { getCurrentUser, requireSession, type AppUser } from "@/lib/auth/session";
import { withWorkSlot, type WorkKind } from "@/lib/data/work-slots";
import { db } from "@/lib/db";
import { AppError, isAppError, toErrorResponse } from "@/lib/errors";

/*
 * One guard per kind of entry point. Every server action is built with `authedAction` (or, before
 * sign-in, `publicAction`), every cookie-authenticated route handler under /api/app with
 * `sessionRoute`, every /api/v1 handler with `apiHandler`. Each guard authenticates before it
 * reads any input, and maps errors to its one answer shape in one place, so an entry point is
 * only what it does. tests/trust/authz-inventory.test.ts fails when one is built another way.
 */

/** Field name → message key (or the schema's message), one per field. */
export type FieldErrors = Record<string, string>;

/** What every server action answers. `code` is a message key of the calling form's namespace. */
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; code: string; fieldErrors?: FieldErrors };

/** Thrown by an action's body to refuse with a code (and field errors) the form shows. */
export class ActionError extends Error {
  readonly code: string;
  readonly fieldErrors?: FieldErrors;

  constructor(code: string, fieldErrors?: FieldErrors) {
    super(code);
    this.name = "ActionError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export type ActionContext = { db: PrismaClient; user: AppUser; authAt: number };
export type PublicActionContext = { db: PrismaClient };

/**
 * Callable directly with the input (`action(input)`) or as a `useActionState` action
 * (`(previous, formData)`): the last argument is always the input.
 */
export type Action<T> = {
  (input: unknown): Promise<ActionResult<T>>;
  (previous: ActionResult<T> | null, input: unknown): Promise<ActionResult<T>>;
};

/**
 * A server action for the signed-in user. Server actions are public endpoints (Next checks their
 * Origin; anyone may still call them with any input), so this reads the session first (signed
 * out: a redirect to sign-in), turns FormData into an object, parses it with the action's schema
 * (problems become field errors under code "invalid") and only then runs `fn`, whose AppErrors
 * and ActionErrors become the failure result. Anything else is logged once and answered as
 * "unexpected". Actions that re-check the current password do it through lib/auth, which
 * throttles those checks; `fn` is where that call goes.
 */
export function authedAction<S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>, ctx: ActionContext) => Promise<T>): Action<T> {
  return (async (...args: unknown[]) => {
    const { user, authAt } = await requireSession();
    return run(schema, args.at(-1), (input) => fn(input, { db, user, authAt }));
  }) as Action<T>;
}

/** The same for the two actions that run before sign-in (sign-up, choosing the language): no user, so no user's data. */
export function publicAction<S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>, ctx: PublicActionContext) => Promise<T>): Action<T> {
  return (async (...args: unknown[]) => run(schema, args.at(-1), (input) => fn(input, { db }))) as Action<T>;
}

async function run<S extends z.ZodType, T>(schema: S, raw: unknown, call: (input: z.output<S>) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw instanceof FormData ? formFields(raw) : raw);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: issueFields(parsed.error.issues) };
  try {
    return { ok: true, data: await call(parsed.data) };
  } catch (err) {
    if (isControlFlow(err)) throw err;
    return failureOf(err);
  }
}

/** A form post as an object; React's own `$ACTION_…` fields (posts before hydration) left out. */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("$")));
}

/** The first message per field, keyed by the innermost field name (`event.amount` → `amount`). */
function issueFields(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = [...issue.path].reverse().find((p): p is string => typeof p === "string") ?? "form";
    out[field] ??= issue.message;
  }
  return out;
}

/** `events[0].date: is in the future (…)` → { date: "is in the future (…)" }; a problem without a field → `form`. */
function problemFields(problems: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    const m = /^(?:[\w[\]]+\.)*(\w+): (.*)$/s.exec(p);
    out[m ? m[1]! : "form"] ??= m ? m[2]! : p;
  }
  return out;
}

const camel = (code: string) => code.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

function failureOf(err: unknown): ActionResult<never> {
  if (err instanceof ActionError) return { ok: false, code: err.code, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) };
  if (isAppError(err) && err.code === "validation_failed") return { ok: false, code: "invalid", fieldErrors: problemFields(err.problems ?? [err.message]) };
  if (isAppError(err) && err.code !== "internal") return { ok: false, code: camel(err.code) };
  console.error("server action failed", err);
  return { ok: false, code: "unexpected" };
}

/** redirect() and notFound() work by throwing an error with a `digest`: it must reach Next untouched. */
function isControlFlow(err: unknown): boolean {
  return typeof (err as { digest?: unknown } | null)?.digest === "string";
}

/** `ip` is the client address for the activity log (lib/auth/client-ip.ts: X-Forwarded-For only behind TRUST_PROXY). */
export type SessionRouteContext = { db: PrismaClient; user: AppUser; request: Request; ip: string | null };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * `work`: the route parses, validates or writes a whole history (an import, a sync, an export),
 * so it runs in the borrower's one work slot (lib/data/work-slots.ts): a second such request of
 * the same borrower meanwhile gets 429 with Retry-After, and one account cannot occupy every worker.
 */
export type RouteOptions = { work?: WorkKind };

function inSlot(client: PrismaClient, userId: string, options: RouteOptions, fn: () => Promise<Response>): Promise<Response> {
  return options.work ? withWorkSlot(client, { userId, kind: options.work }, fn) : fn();
}

/**
 * A route handler authenticated by the session cookie (under /api/app). Writes must come from
 * this app's own pages (the CSRF check, before anything else), then the session: none is a 401
 * in the app's error shape. Every AppError becomes its status, anything else a logged 500, and
 * the answer is `no-store` unless the handler chose its own caching.
 */
export function sessionRoute(fn: (ctx: SessionRouteContext) => Promise<Response>, options: RouteOptions = {}): (request?: Request) => Promise<Response> {
  return async (request = new Request("http://localhost/")) => {
    let response: Response;
    try {
      if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      const user = await getCurrentUser();
      if (!user) throw new AppError("unauthorized", "Sign in first.");
      response = await inSlot(db, user.id, options, () => fn({ db, user, request, ip: clientIpFrom(request.headers) }));
    } catch (err) {
      response = toErrorResponse(err);
    }
    if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

export type ApiContext = { db: PrismaClient; request: Request; principal: ApiPrincipal };
export type RouteHandler = (request: Request) => Promise<Response>;

/**
 * An /api/v1 handler, authenticated by a personal API token. The Prisma client comes from
 * `getDb` so the same handler runs against the app's `db` in production and a fresh migrated
 * database in tests. Authentication happens before anything else (in particular before a body
 * is read), every failure goes through `toErrorResponse`, and responses are `no-store` because
 * they carry a borrower's financial data.
 */
export function apiHandler(getDb: () => PrismaClient, fn: (ctx: ApiContext) => Promise<Response>, options: RouteOptions = {}): RouteHandler {
  return async (request) => {
    let response: Response;
    try {
      const client = getDb();
      const principal = await requireApiPrincipal(client, request);
      response = await inSlot(client, principal.userId, options, () => fn({ db: client, request, principal }));
    } catch (err) {
      response = toErrorResponse(err);
    }
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}
