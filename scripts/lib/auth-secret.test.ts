import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { authSecretFile, resolveAuthSecret } from "./auth-secret";

describe("resolveAuthSecret", () => {
  const dir = mkdtemp(path.join(os.tmpdir(), "credit-health-secret-"));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it("uses NEXTAUTH_SECRET when set", async () => {
    expect(await resolveAuthSecret({ kind: "postgres", url: "postgresql://x/y" }, { NEXTAUTH_SECRET: "s3cret" })).toBe("s3cret");
  });

  it("refuses to start on PostgreSQL without NEXTAUTH_SECRET", async () => {
    await expect(resolveAuthSecret({ kind: "postgres", url: "postgresql://x/y" }, {})).rejects.toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("creates one secret beside the embedded data directory and keeps it", async () => {
    const target = { kind: "pglite" as const, dataDir: path.join(await dir, "pglite") };
    const first = await resolveAuthSecret(target, {});
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await resolveAuthSecret(target, {})).toBe(first);
    const file = authSecretFile(target);
    expect(file).toBe(path.join(await dir, "auth-secret"));
    expect((await readFile(file, "utf8")).trim()).toBe(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
