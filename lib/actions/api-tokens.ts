"use server";

import { revalidatePath } from "next/cache";
import { createTokenInput, revokeTokenInput } from "@/lib/api-tokens/validation";
import { ActionError, authedAction } from "@/lib/auth/guards";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { isAppError } from "@/lib/errors";

const PATH = "/settings/tokens";

/** `token` is the secret, returned this once to be shown to its owner, never stored in clear. */
export const createTokenAction = authedAction(createTokenInput, async ({ name }, { db, user }) => {
  const created = await createApiToken(db, { userId: user.id, name }).catch((err: unknown) => {
    throw isAppError(err) && err.code === "forbidden" ? new ActionError("tooMany") : err;
  });
  revalidatePath(PATH);
  return { token: created.token, name: created.apiToken.name };
});

/** Scoped by the signed-in user: another user's token id is simply "notFound". */
export const revokeTokenAction = authedAction(revokeTokenInput, async ({ tokenId }, { db, user }) => {
  await revokeApiToken(db, { userId: user.id, tokenId });
  revalidatePath(PATH);
  return null;
});
