import "server-only";
import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedExplained, type Explained } from "./explanation-cache";

/**
 * The signed-in user's history and its explanation, with the platform-wide weeks of their drops
 * as context (so POLICY_TIGHTENING can fire). The explanation comes from the shared
 * ExplanationCache (lib/data/explanation-cache.ts), so the dashboard, drop pages and
 * /api/v1/explanations give one answer; React's cache() lets a layout, page and component of one
 * request share a single load on top of that.
 */
export function loadExplained(db: PrismaClient, { userId }: { userId: string }): Promise<Explained> {
  return explainedOf(db, userId);
}

// React's cache() compares arguments by identity: plain values, not an options object.
const explainedOf = cache((db: PrismaClient, userId: string) => explainFor(db, { userId }));

/**
 * Not request-cached: for a server action that changes the history and must see the result at
 * once. Still served from ExplanationCache when current: every write bumps the user's
 * historyVersion in its own transaction, so a row computed before the change is never served.
 */
export function explainFor(db: PrismaClient, { userId }: { userId: string }): Promise<Explained> {
  return cachedExplained(db, { userId });
}
