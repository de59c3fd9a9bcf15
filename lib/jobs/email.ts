import "server-only";
import { mailConfig } from "@/lib/mail/config";
import { sendPendingAlerts, sendWeeklyDigests } from "@/lib/mail/outbox";
import type { JobDefinition } from "./types";

/** Immediate alerts: the outbox is read every minute; a failed send is retried with backoff. */
export const emailAlertsJob: JobDefinition = {
  name: "email-alerts",
  cron: "* * * * *",
  run: async ({ db, now }) => {
    const config = mailConfig();
    if (config) await sendPendingAlerts(db, { config, now });
  },
};

/** The weekly digest, Monday 09:00 Shanghai time. */
export const emailDigestJob: JobDefinition = {
  name: "email-digest",
  cron: "0 9 * * 1",
  run: async ({ db, now }) => {
    const config = mailConfig();
    if (config) await sendWeeklyDigests(db, { config, now });
  },
};
