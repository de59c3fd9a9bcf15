/** Shared fixtures for the sync API's integration tests: users with tokens, and requests as curl sends them. */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createApiToken } from "@/lib/data/api-tokens";
import type { HistoryDocumentInput } from "@/lib/history/schema";

export const BASE = "http://localhost:3000";

export async function userWithToken(db: PrismaClient) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });
  const { token, apiToken } = await createApiToken(db, { userId: user.id, name: "test" });
  return { user, token, tokenId: apiToken.id };
}

export function apiRequest(
  path: string,
  options: { token?: string; method?: string; body?: string | ReadableStream<Uint8Array>; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  return new Request(BASE + path, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body,
    duplex: "half",
  } as RequestInit);
}

/** The spec's sample borrower: a 30,000 limit cut to 12,000 after a burst of inquiries. */
export function sampleDocument(): HistoryDocumentInput {
  return {
    format: "credit-health-history",
    version: 1,
    borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } },
    events: [
      { id: "p1", type: "profile", date: "2025-01-02", monthlyIncome: 15000, employment: "employed", identityVerified: true, bankCardLinked: true, phoneVerified: true },
      { id: "l1", type: "limit", date: "2025-01-02", limit: 30000 },
      { id: "s1", type: "score", date: "2025-01-02", score: 712 },
      { id: "b1", type: "borrow", date: "2025-01-10", amount: 5000, loanId: "L-1", termMonths: 3 },
      { id: "r1", type: "repayment", date: "2025-02-10", amount: 1700, loanId: "L-1", dueDate: "2025-02-10" },
      { id: "i1", type: "inquiry", date: "2025-03-03", lender: "A" },
      { id: "i2", type: "inquiry", date: "2025-03-05", lender: "B" },
      { id: "i3", type: "inquiry", date: "2025-03-09", lender: "C" },
      { id: "i4", type: "inquiry", date: "2025-03-12", lender: "D" },
      { id: "l2", type: "limit", date: "2025-03-30", limit: 12000 },
    ],
  };
}
