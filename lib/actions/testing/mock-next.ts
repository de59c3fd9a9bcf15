/**
 * Imported first by an action test: replaces the app's db, the session and Next's request APIs
 * with the stand-ins of ./harness, so the real actions run against a test database.
 */
import { vi } from "vitest";

vi.mock("@/lib/db", async () => (await import("./harness")).dbModule);
vi.mock("@/lib/auth/session", async () => (await import("./harness")).sessionModule);
vi.mock("next/cache", async () => (await import("./harness")).cacheModule);
vi.mock("next/navigation", async () => (await import("./harness")).navigationModule);
vi.mock("next/headers", async () => (await import("./harness")).headersModule);
