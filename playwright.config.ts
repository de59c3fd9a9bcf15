import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;

// The app under test is a production build on a fresh embedded database, thrown away afterwards:
// `npm start` (scripts/start.ts) migrates it, seeds the demo borrower and serves the build made
// just before. E2E_SKIP_BUILD=1 reuses the last build while iterating on specs.
const build = process.env.E2E_SKIP_BUILD ? "true" : "npx next build";
const serve = `PGLITE_DIR="$(mktemp -d /tmp/credit-health-e2e.XXXXXX)" npm start`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One server on one PGlite connection and two cores: parallel workers only add contention.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "test-results/e2e-report" }]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: BASE_URL,
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
      },
    },
  ],
  webServer: {
    command: `${build} && ${serve}`,
    url: BASE_URL,
    timeout: 300_000,
    reuseExistingServer: !!process.env.E2E_REUSE_SERVER,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
