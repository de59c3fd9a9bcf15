import { expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { describeDatabases } from "@/lib/db/test-db";
import { DEMO_EMAIL, DEMO_PASSWORD } from "@/lib/demo-account";
import { demoHistory } from "./demo-history";
import { seedDemoBorrower } from "./seed";

describeDatabases("seedDemoBorrower", (ctx) => {
  it("creates the demo borrower once, with its history", async () => {
    const { prisma } = ctx();
    const first = await seedDemoBorrower(prisma);
    const total = demoHistory().events.length;
    expect(first).toMatchObject({ created: true, counts: { added: total, updated: 0, unchanged: 0 } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    expect(user.isDemo).toBe(true);
    expect(user.consentAt).toBeInstanceOf(Date);
    expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await prisma.event.count({ where: { userId: user.id } })).toBe(total);

    expect(await seedDemoBorrower(prisma)).toEqual({ created: false, userId: user.id });
    expect(await prisma.user.count({ where: { email: DEMO_EMAIL } })).toBe(1);
    expect(await prisma.event.count({ where: { userId: user.id } })).toBe(total);
  });
});
