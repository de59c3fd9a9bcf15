/** The API token forms' inputs and bounds, shared by the settings page, its actions and the data module. */
import { z } from "zod";

export const MAX_TOKEN_NAME = 100;
/** A bound on live tokens per user, so a compromised session cannot mint tokens without end. */
export const MAX_ACTIVE_TOKENS = 20;

export const createTokenInput = z.object({
  name: z.string({ error: "nameRequired" }).trim().min(1, { error: "nameRequired" }).max(MAX_TOKEN_NAME, { error: "nameTooLong" }),
});

export const revokeTokenInput = z.object({ tokenId: z.string().min(1).max(100) });
