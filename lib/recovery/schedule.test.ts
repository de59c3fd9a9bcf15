import { describe, expect, it } from "vitest";
import { progress, type StepState } from "./schedule";
import { stepStatusInput } from "./validation";

describe("progress", () => {
  const steps: StepState[] = [
    { code: "WAIT_AND_RECHECK", status: "done", on: "2025-04-01" },
    { code: "PAUSE_CREDIT_APPLICATIONS", status: "done", on: "2025-04-01" },
    { code: "FILE_APPEAL", status: "skipped", on: "2025-04-02" },
    { code: "UPDATE_INCOME", status: "todo", on: null },
  ];

  it("counts done and skipped steps", () => {
    expect(progress(steps, "2025-04-02")).toMatchObject({ done: 2, skipped: 1, total: 4 });
  });

  it("schedules the earliest upcoming recheck of a done step", () => {
    expect(progress(steps, "2025-04-02").nextCheck).toBe("2025-04-04");
    expect(progress(steps, "2025-04-05").nextCheck).toBe("2025-06-30");
  });

  it("keeps the last recheck date once all are past, and none when nothing is done", () => {
    expect(progress(steps, "2025-12-01").nextCheck).toBe("2025-06-30");
    expect(progress([{ code: "FILE_APPEAL", status: "skipped", on: "2025-04-02" }], "2025-04-02").nextCheck).toBeNull();
  });
});

describe("stepStatusInput", () => {
  it.each([
    [{ dropDate: "2025-03-30", stepCode: "UPDATE_INCOME", status: "done", on: "2025-04-01" }, true],
    [{ dropDate: "2025-02-30", stepCode: "UPDATE_INCOME", status: "done" }, false],
    [{ dropDate: "2025-03-30", stepCode: "NOT_A_STEP", status: "done" }, false],
    [{ dropDate: "2025-03-30", stepCode: "UPDATE_INCOME", status: "maybe" }, false],
    [{ dropDate: "2025-03-30", stepCode: "UPDATE_INCOME", status: "todo", extra: 1 }, false],
  ])("%j valid: %s", (input, ok) => expect(stepStatusInput.safeParse(input).success).toBe(ok));
});
