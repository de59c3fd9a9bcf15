"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { MAX_ACTIVE_TOKENS, MAX_TOKEN_NAME, createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";

export type TokenErrorKey = "nameRequired" | "nameTooLong" | "tooMany" | "notFound" | "unexpected";
export type TokenError = { key: TokenErrorKey; values?: Record<string, number> };

/** `token` is the secret, returned this once to be shown to its owner, never stored in clear. */
export type CreateTokenState = { ok: true; token: string; name: string } | { ok: false; error: TokenError } | null;
export type RevokeTokenState = { ok: true } | { ok: false; error: TokenError } | null;

const PATH = "/settings/tokens";

// Server actions are public endpoints: each one checks the session itself and treats its input as untrusted.

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const user = await requireUser();
  const raw = form.get("name");
  const name = typeof raw === "string" ? raw.trim() : "";
  if (!name) return { ok: false, error: { key: "nameRequired" } };
  if (name.length > MAX_TOKEN_NAME) return { ok: false, error: { key: "nameTooLong", values: { max: MAX_TOKEN_NAME } } };
  try {
    const { token, apiToken } = await createApiToken(db, { userId: user.id, name });
    revalidatePath(PATH);
    return { ok: true, token, name: apiToken.name };
  } catch (err) {
    if (isAppError(err) && err.code === "forbidden") return { ok: false, error: { key: "tooMany", values: { max: MAX_ACTIVE_TOKENS } } };
    console.error("creating an API token failed", err);
    return { ok: false, error: { key: "unexpected" } };
  }
}

export async function revokeTokenAction(_prev: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  const user = await requireUser();
  const tokenId = form.get("tokenId");
  if (typeof tokenId !== "string" || !tokenId) return { ok: false, error: { key: "notFound" } };
  try {
    // Scoped by the signed-in user: another user's token id is simply "not found".
    await revokeApiToken(db, { userId: user.id, tokenId });
    revalidatePath(PATH);
    return { ok: true };
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return { ok: false, error: { key: "notFound" } };
    console.error("revoking an API token failed", err);
    return { ok: false, error: { key: "unexpected" } };
  }
}
