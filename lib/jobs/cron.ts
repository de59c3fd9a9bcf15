/** When a job runs next: its 5-field cron expression read in Asia/Shanghai (lib/jobs/types.ts). */
import cronParser from "cron-parser";

export const JOB_TIME_ZONE = "Asia/Shanghai";

/** The first run strictly after `from`. Throws on an invalid expression (a job's definition is code, not input). */
export function nextRun(cron: string, from: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: from, tz: JOB_TIME_ZONE }).next().toDate();
}
