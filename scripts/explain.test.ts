import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(path.join(tmpdir(), "explain-cli-"));
const EXAMPLE = path.join(ROOT, "lib/core/testing/fixtures/overdue-cancellation.json");

/** Runs the command asynchronously, so the cases (each a tsx start-up) run concurrently. */
function run(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, "scripts/explain.ts"), ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}
function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}
const history = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: "credit-health-history", version: 1, events, ...extra });
const limit = (id: string, date: string, value: number) => ({ id, type: "limit", date, limit: value });

const INVALID: [string, string, RegExp][] = [
  ["not JSON", "{ not json", /not valid JSON/],
  ["wrong version", history([], { version: 2 }), /^version: unsupported version; supported versions: 1$/m],
  ["negative amount", history([{ type: "borrow", date: "2025-01-02", amount: -5 }]), /^events\[0\]\.amount: must be a non-negative number$/m],
  ["unknown type", history([{ type: "loan", date: "2025-01-02" }]), /^events\[0\].*type/m],
  ["unknown field", history([{ type: "inquiry", date: "2025-01-02", lender: "A", lendr: "B" }]), /^events\[0\].*lendr/m],
  ["impossible date", history([limit("a", "2025-02-30", 1000)]), /^events\[0\]\.date: must be a real date/m],
  ["duplicate id", history([limit("a", "2025-01-02", 1000), limit("a", "2025-01-03", 900)]), /^events\[1\]\.id: duplicate id "a"/m],
  ["future date", history([limit("a", "2099-01-02", 1000)]), /^events\[0\]\.date: is in the future \(2099-01-02\)$/m],
];

describe.concurrent("explain command", () => {
  test.each(INVALID)("%s: exit 1, the problem on stderr, nothing on stdout", async (_name, content, problem) => {
    const r = await run([file(`${_name.replace(/ /g, "-")}.json`, content)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(problem);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test("unreadable file: exit 1 with a clear message", async () => {
    const r = await run([path.join(dir, "missing.json")]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toMatch(/^cannot read .*missing\.json: no such file$/m);
  });

  test("usage errors are explained", async () => {
    const [none, lang, option] = await Promise.all([run([]), run([EXAMPLE, "--lang", "fr"]), run([EXAMPLE, "--frobnicate"])]);
    expect(none).toMatchObject({ code: 2, stdout: "", stderr: expect.stringMatching(/missing input FILE[\s\S]*usage:/) });
    expect(lang).toMatchObject({ code: 2, stdout: "", stderr: expect.stringMatching(/unknown language "fr"/) });
    expect(option).toMatchObject({ code: 2, stdout: "", stderr: expect.stringMatching(/unknown option --frobnicate/) });
  });

  test("valid input from a file: the output contract on stdout, exit 0", async () => {
    const r = await run([EXAMPLE]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.drops[0]).toMatchObject({ date: "2025-01-11", kind: "cancellation", reasons: [expect.objectContaining({ code: "OVERDUE", rank: 1 })] });
    expect(out.drops[0].reasons[0]).not.toHaveProperty("text");
  });

  test("standard input with -", async () => {
    const r = await run(["-"], history([limit("a", "2025-01-02", 1000), limit("b", "2025-01-05", 500)]));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).drops).toHaveLength(1);
  });

  test.each([
    // Dates read naturally (spec: "Texts"); an overdue and its late repayment are one missed instalment.
    ["en", /1 missed instalment, the latest on 7 January 2025, up to 10 days past due\./, /automatic repayment/],
    ["zh", /逾期还款1次，最近一次在2025年1月7日，最长逾期10天。/, /结清逾期并开启自动还款/],
  ])("--lang %s adds text to every reason and step", async (lang, reason, step) => {
    const r = await run([EXAMPLE, "--lang", lang]);
    expect(r.code).toBe(0);
    const drop = JSON.parse(r.stdout).drops[0];
    expect(drop.reasons[0].text).toMatch(reason);
    expect(drop.steps[0].text).toMatch(step);
    for (const x of [...drop.reasons, ...drop.steps]) expect(x.text).not.toMatch(/[{}]|core\./);
    // A drop-level sentence, and the outlook in words (spec: "Texts", "How long until it comes back").
    expect(drop.text).toMatch(lang === "en" ? /^Your limit of ¥15,000 was cancelled \(to ¥0\) on 11 January 2025\. Main reason: 1 missed instalment/ : /^您15,000元的额度于2025年1月11日被取消/);
    expect(drop.outlook.text).toMatch(lang === "en" ? /Your signals are clear from/ : /您的各项信号自/);
  });
});
