import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { createDemoBorrower, DEMO_EMAIL_DOMAIN } from "./create";
import { demoHistory } from "./demo-history";

describeDatabases("createDemoBorrower", (ctx) => {
  it("creates a private demo borrower per call, each with the whole demo history and its own address", async () => {
    const { prisma } = ctx();
    const total = demoHistory().events.length;
    const [a, b] = [await createDemoBorrower(prisma), await createDemoBorrower(prisma)];
    expect(a.counts).toEqual({ added: total, updated: 0, unchanged: 0 });
    expect(a.email).not.toBe(b.email);
    expect(a.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
    for (const demo of [a, b]) {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: demo.userId } });
      expect(user).toMatchObject({ isDemo: true, email: demo.email });
      expect(await prisma.event.count({ where: { userId: demo.userId } })).toBe(total);
    }
    // Two demo accounts share no row: what one visitor types, the other never sees.
    await prisma.event.deleteMany({ where: { userId: a.userId } });
    expect(await prisma.event.count({ where: { userId: b.userId } })).toBe(total);
  });
});
