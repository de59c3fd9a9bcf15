import "server-only";
import { runReminders } from "@/lib/reminders/run";
import type { JobDefinition } from "./types";

/** Hourly at :05, so a restart or a new day in Shanghai is caught within the hour; repeats are no-ops. */
export const remindersJob: JobDefinition = {
  name: "reminders",
  cron: "5 * * * *",
  run: async ({ db, now }) => {
    await runReminders(db, { now });
  },
};
