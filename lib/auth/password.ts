/**
 * Password hashing: argon2id with OWASP's recommended minimum (19 MiB memory, 2 passes, 1 lane).
 * The parameters travel inside the PHC string, so raising them later still verifies old hashes.
 * No "server-only": the seed script hashes the demo password under tsx.
 */
import { hash, verify, type Options } from "@node-rs/argon2";

// Algorithm.Argon2id; the package's enum is an ambient `const enum`, unusable with isolatedModules.
const ARGON2ID = 2;

export const PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } satisfies Options;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash: sign-in must never throw on bad data. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
