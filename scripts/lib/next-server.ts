/**
 * Production Next servers for the multi-instance test and the HTTP benchmarks: build once into a
 * dist dir of their own (never `.next`, which the end-to-end tests use), start `next start` on
 * 127.0.0.1 and a free port, wait until it answers, stop it for sure. Every server started here
 * is also killed when this process exits, so an interrupted test or bench leaves none behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const p of live) p.kill("SIGKILL");
});

export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(ROOT, distDir, "BUILD_ID"));
}

/**
 * `next build` into `distDir` unless a build is already there. Next adds the dist dir's types to
 * tsconfig.json's include; that edit is undone so it is never committed by accident.
 */
export async function ensureBuild(distDir: string, options: { timeoutMs?: number; log?: (line: string) => void } = {}): Promise<void> {
  if (hasBuild(distDir)) {
    // Reused, not rebuilt (a build takes minutes): say so when the sources have moved on since.
    const newer = newerSource(statSync(path.join(ROOT, distDir, "BUILD_ID")).mtimeMs);
    if (newer) (options.log ?? console.warn)(`note: ${distDir} is older than ${newer}; delete ${distDir} to test the current code`);
    return;
  }
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  options.log?.(`building the app into ${distDir} (once; later runs reuse it)`);
  try {
    await run(process.execPath, [nextBin, "build"], { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, options.timeoutMs ?? 20 * 60_000);
  } finally {
    const after = readFileSync(tsconfig, "utf8");
    if (after !== before) {
      // Only our dist dir's lines: other edits to the file are someone else's.
      const ours = after.split("\n").filter((l) => !l.includes(`"${distDir}/`));
      writeFileSync(tsconfig, ours.join("\n").replace(/,(\s*\n\s*\])/, "$1"));
    }
  }
  if (!hasBuild(distDir)) throw new Error(`next build finished without ${distDir}/BUILD_ID`);
}

/** The first app source file changed after `since` (ms), if any. */
function newerSource(since: number): string | null {
  const walk = (dir: string): string | null => {
    for (const d of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, d.name);
      const hit = d.isDirectory() ? walk(rel) : statSync(path.join(ROOT, rel)).mtimeMs > since ? rel : null;
      if (hit) return hit;
    }
    return null;
  };
  for (const dir of ["app", "lib", "components", "messages"]) {
    const hit = existsSync(path.join(ROOT, dir)) ? walk(dir) : null;
    if (hit) return hit;
  }
  return null;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (b: Buffer) => (output = (output + b.toString()).slice(-8000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(args[1] ?? cmd)} ${args.slice(2).join(" ")} failed (${code ?? signal}):\n${output}`));
    });
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type NextServer = { url: string; port: number; child: ChildProcess; output: () => string; stop: () => Promise<void>; kill: () => Promise<void> };

/** Starts `next start` from `distDir` on 127.0.0.1; resolves once /api/v1/openapi.json answers. */
export async function startNext(options: { distDir: string; env: Record<string, string>; port?: number; readyTimeoutMs?: number }): Promise<NextServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: options.distDir, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let output = "";
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-20000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    live.delete(child);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/api/v1/openapi.json`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await end("SIGKILL");
      throw new Error(`next start did not answer on ${url} in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, port, child, output: () => output, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
