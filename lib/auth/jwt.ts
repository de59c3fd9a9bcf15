/**
 * The session cookie's JWT, in next-auth's own format (JWE, `dir` + A256GCM, key derived from
 * NEXTAUTH_SECRET with HKDF-SHA256 and next-auth's info string), so tokens minted here and by
 * next-auth are interchangeable. The one difference: the derived key is computed once per secret,
 * not on every request (next-auth v4 runs HKDF for each encode and decode, which was a tenth of
 * a cached API request's CPU time).
 */
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
/** As next-auth: a little slack for clocks of several instances. */
const CLOCK_TOLERANCE_SECONDS = 15;

const keys = new Map<string, Uint8Array>();

function derivedKey(secret: string | Buffer, salt = ""): Uint8Array {
  const id = `${typeof secret === "string" ? secret : secret.toString("base64")}\0${salt}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionJwt({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(derivedKey(secret, salt));
}

/** The claims, or an error for a token that is malformed, forged, for another secret or expired. */
export async function decodeSessionJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, derivedKey(secret, salt), { clockTolerance: CLOCK_TOLERANCE_SECONDS });
  return payload as JWT;
}
