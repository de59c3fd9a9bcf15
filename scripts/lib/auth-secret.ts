/**
 * The NEXTAUTH_SECRET `npm start` hands to Next. On the embedded database a first-time user
 * should not have to configure anything, so a random secret is created once and kept beside the
 * data directory (./data/auth-secret by default): restarts keep sessions valid. With DATABASE_URL
 * the app is a real deployment, where a secret generated on one machine would differ on the next,
 * so it must be configured.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DbTarget } from "@/lib/db/client";

export function authSecretFile(target: Extract<DbTarget, { kind: "pglite" }>): string {
  return path.join(path.dirname(path.resolve(target.dataDir)), "auth-secret");
}

export async function resolveAuthSecret(target: DbTarget, env: Record<string, string | undefined> = process.env): Promise<string> {
  const given = env.NEXTAUTH_SECRET?.trim();
  if (given) return given;
  if (target.kind === "postgres") {
    throw new Error(
      "NEXTAUTH_SECRET is not set. With DATABASE_URL the app runs as a deployment and needs a fixed secret: " +
        "generate one with `openssl rand -base64 32` and set NEXTAUTH_SECRET.",
    );
  }
  const file = authSecretFile(target);
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim()) return existing.trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": if another start raced us, keep the file it wrote rather than overwriting it.
    await writeFile(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return (await readFile(file, "utf8")).trim();
  }
}
