import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/client";
import { openTestDatabase, TEST_DATABASE_URL_VAR, type TestDatabase } from "@/lib/db/test-db";
import { emailAlertsJob } from "@/lib/jobs/email";
import { remindersJob } from "@/lib/jobs/reminders";
import { saveDeliverySettings } from "@/lib/data/notifications";
import { startSmtp, type TestSmtp } from "@/lib/mail/testing";
import { borrowerWith, drawHistory } from "@/lib/reminders/testing";
import { todayInShanghai } from "@/lib/days";
import { addMonths } from "@/lib/reminders/instalments";
import { dayNumber, dayString } from "@/lib/core/days";
import { startScheduler, type Scheduler } from "./scheduler";
import type { JobDefinition } from "./types";

const pg = process.env[TEST_DATABASE_URL_VAR]?.trim();

async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe.skipIf(!pg)("two scheduler instances on one PostgreSQL (pg-boss)", () => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  const instances: { scheduler: Scheduler; close: () => Promise<void> }[] = [];
  const runs: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    smtp = await startSmtp(3183);
    process.env.SMTP_URL = smtp.url;
    process.env.NEXTAUTH_SECRET ??= "scheduler-test-secret-0123456789abcdef";
  }, 60_000);
  afterAll(async () => {
    for (const i of instances) await i.scheduler.stop().catch(() => {});
    for (const i of instances) await i.close();
    await smtp?.close();
    delete process.env.SMTP_URL;
    await database?.close();
  }, 60_000);

  it("a due reminder is made and e-mailed once, not once per instance", async () => {
    // A draw one month and two days ago (Shanghai): its first instalment is due in two days, so the job reminds today.
    const today = todayInShanghai();
    const drawDay = dayString(dayNumber(addMonths(today, -1)) + 2);
    const user = await borrowerWith(database.prisma, drawHistory(drawDay), { locale: "zh-CN" });
    await saveDeliverySettings(database.prisma, { userId: user.id, settings: { INSTALMENT_DUE: { inApp: true, email: true, digest: false } } });

    const startedAt = Date.now();
    // Every minute, so both instances' cron checks see a due slot the moment they start.
    const counted = (job: JobDefinition, instance: number): JobDefinition => ({
      ...job,
      cron: "* * * * *",
      run: async (ctx) => {
        runs.push(`${job.name}@${instance}`);
        await job.run(ctx);
      },
    });
    for (const n of [1, 2]) {
      const { prisma, handle } = createPrisma(database.target);
      const scheduler = await startScheduler({ db: prisma, jobs: [counted(remindersJob, n), counted(emailAlertsJob, n)], postgresUrl: (database.target as { url: string }).url, log: () => {}, pgBoss: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, pollingIntervalSeconds: 1 } });
      instances.push({ scheduler, close: handle.close });
    }
    expect(instances.map((i) => i.scheduler.kind)).toEqual(["pg-boss", "pg-boss"]);

    const notified = () => database.prisma.notification.count({ where: { userId: user.id } });
    expect(await until(async () => (await notified()) > 0, 30_000)).toBe(true);
    // Both instances ask for an e-mail run at once: pg-boss queues one.
    await Promise.all(instances.map((i) => i.scheduler.runNow("email-alerts")));
    expect(await until(async () => smtp.messages.length > 0, 30_000)).toBe(true);
    // Give a second delivery every chance to happen.
    await new Promise((r) => setTimeout(r, 5_000));

    expect(await notified()).toBe(1);
    expect(smtp.messages.map((m) => m.subject)).toHaveLength(1);
    expect(smtp.messages[0]!.subject).toMatch(/有一期¥1,000的分期到期$/);
    // The scheduled job was queued once per minute slot across both instances, not once per
    // instance: no more runs than the minute slots the test spanned. (A run starts up to a
    // polling interval after its slot, so runs are counted, not grouped by their start minute:
    // a slot's run started late can share its minute with the next slot's.)
    const slots = Math.floor(Date.now() / 60_000) - Math.floor(startedAt / 60_000) + 1;
    expect(runs.filter((x) => x.startsWith("reminders@")).length).toBeLessThanOrEqual(slots);
  }, 90_000);
});

describe("the in-process timer (embedded database)", () => {
  it("runs a job on request once even when asked twice at once, and stops cleanly", async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job: JobDefinition = { name: "t", cron: "0 3 1 1 *", run: async () => void (runs++, await gate) };
    const scheduler = await startScheduler({ db: {} as never, jobs: [job], log: () => {} });
    expect(scheduler.kind).toBe("timer");
    const a = scheduler.runNow("t");
    const b = scheduler.runNow("t");
    release();
    await Promise.all([a, b]);
    expect(runs).toBe(1);
    await scheduler.stop();
  });
});
