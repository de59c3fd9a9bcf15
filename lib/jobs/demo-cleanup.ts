import "server-only";
import { removeIdleDemoBorrowers } from "@/lib/data/demo-borrowers";
import type { JobDefinition } from "./types";

/**
 * Removes the private demo borrowers nobody has used for 24 hours ("Try the demo" creates one per
 * visitor). Hourly, so a demo lives between 24 and 25 hours after its last use. Safe to repeat: it
 * reads which accounts are idle now, and a run that stops half-way leaves the rest for the next.
 */
export const demoCleanupJob: JobDefinition = {
  name: "demo-cleanup",
  cron: "17 * * * *",
  async run({ db, now }) {
    const removed = await removeIdleDemoBorrowers(db, { now });
    if (removed) console.log(`demo-cleanup: removed ${removed} idle demo borrower(s)`);
  },
};
