// Adds up the vitest and Playwright JSON reports into one closing line:
// "tests: N passed, N failed, N skipped" (a missing report counts as a failure).
import fs from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0, missing = [];

function read(file) {
  try { return JSON.parse(fs.readFileSync(file, "utf8")); } catch { missing.push(file); return null; }
}

const v = read(vitestFile);
// A file that fails to load, or whose beforeAll throws, fails no single test: count it as a failure.
const brokenFiles = (v?.testResults ?? []).filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"));
if (v) { passed += v.numPassedTests; failed += v.numFailedTests + brokenFiles.length; skipped += v.numPendingTests + (v.numTodoTests ?? 0); }
const p = read(playwrightFile);
// Playwright reports a server that never started, or a broken config, as top-level errors.
if (p) { passed += p.stats.expected + p.stats.flaky; failed += p.stats.unexpected + (p.errors?.length ?? 0); skipped += p.stats.skipped; }

for (const f of missing) console.log(`missing test report: ${f}`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
