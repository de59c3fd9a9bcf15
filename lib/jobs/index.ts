import "server-only";
import { demoCleanupJob } from "./demo-cleanup";
import { emailAlertsJob, emailDigestJob } from "./email";
import { remindersJob } from "./reminders";
import type { JobDefinition } from "./types";

/** Every scheduled job of the app; lib/jobs/start.ts runs them on the scheduler. */
export const JOBS: readonly JobDefinition[] = [remindersJob, emailAlertsJob, emailDigestJob, demoCleanupJob];
