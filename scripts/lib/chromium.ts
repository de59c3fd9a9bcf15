/**
 * The one description of how this project runs Chromium, shared by Playwright (playwright.config.ts)
 * and the Lighthouse benchmark: which binary, and the flags it needs on our machines.
 */
import { existsSync } from "node:fs";

/**
 * Debian's Chromium on our machines (Playwright cannot download its own here): PLAYWRIGHT_CHROMIUM_PATH
 * (or CHROME_PATH, Lighthouse's name for it), else /usr/bin/chromium when present, else undefined
 * (Playwright then uses its own browser).
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PLAYWRIGHT_CHROMIUM_PATH || env.CHROME_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
}

// Without the networking flags Chromium keeps dialling Google services the closed network refuses.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;
