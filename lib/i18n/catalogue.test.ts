/**
 * The message catalogues against the code: both locales hold the same keys, every key is read by
 * some code, and no Chinese string carries English words. How keys are found in the code is
 * described in catalogue-scan.ts; keys built at run time from a code are matched through DYNAMIC.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LETTER_LANGUAGES } from "@/lib/appeal/letter";
import { APPEAL_OUTCOMES } from "@/lib/appeal/validation";
import { BLOCKER_CODES, REASON_CODES, STEP_CODES } from "@/lib/core/types";
import { EVENT_FORM_FIELDS } from "@/lib/events/form-fields";
import { CSV_ROLES, CSV_TYPES } from "@/lib/history/csv-mapping";
import { EMPLOYMENT_KINDS, EVENT_TYPES } from "@/lib/history/schema";
import { LOCAL_REFUSALS, STATUSES, VERDICTS } from "@/components/screenshots/flow-state";
import { DATE_SOURCES, OBSERVATION_TYPES, REFUSAL_CODES, SCREENSHOT_PRODUCTS } from "@/lib/screenshots/read";
import { HEADLINE_KINDS } from "@/components/dashboard/headline-parts";
import { LEARNED_KINDS, MISSING_DATA } from "@/lib/limit-change/summary";
import { LIMIT_CHANGE_ERRORS } from "@/lib/limit-change/check";
import { OVERLAY_KINDS } from "@/lib/timeline/types";
import { icuText, loadCatalogue, scanUsage, sourceFiles } from "./catalogue-scan";
import { LOCALES } from "./config";
import { REMINDER_KINDS } from "@/lib/reminders/kinds";

const ROOT = process.cwd();
const FILES = sourceFiles(ROOT, ["app", "components", "lib", "scripts"]);

/**
 * Every string literal in the source (comments left out). For keys named by a code that the server
 * sends or a local list holds (an action's error code, a settings section), the code is the
 * enumeration: such a key counts as used when its code is written somewhere as a literal.
 */
const LITERALS: ReadonlySet<string> = new Set(
  FILES.flatMap((f) => [...readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/"([^"\\\n]*)"|'([^'\\\n]*)'/g)].map((m) => m[1] ?? m[2] ?? "")),
);
type Values = readonly string[] | typeof LITERALS;

/**
 * Dynamic prefixes: a translator called with a key built at run time (`t(\`reasons.${code}\`)`,
 * `tn(code)`). Each prefix names the enumeration its next key segment ranges over; a key under it
 * is used only when that segment is a member. An exported enumeration wherever one exists.
 */
const DYNAMIC: Record<string, { values: Values; from: string; partial?: true }> = {
  "data.filters.": { values: ["from", "to"], from: "the events filter's date bounds (components/data/events-filter.tsx)", partial: true },
  "core.reasons.": { values: REASON_CODES, from: "REASON_CODES (core-text reasonText)" },
  "core.steps.": { values: STEP_CODES, from: "STEP_CODES (core-text stepText)" },
  "core.signals.metrics.": { values: LITERALS, from: "the metric names the rules measure" },
  "core.profileItems.": { values: ["identity", "bankCard", "phone", "income"], from: "core-text profileItems" },
  "core.employment.": { values: EMPLOYMENT_KINDS, from: "EMPLOYMENT_KINDS (core-text: no enum value reaches the reader)" },
  "core.names.": { values: [...new Set<string>([...REASON_CODES, ...BLOCKER_CODES])], from: "REASON_CODES and BLOCKER_CODES (core-text codeName)" },
  "core.outlook.confidence.": { values: ["high", "medium", "low"], from: "Confidence (lib/core/types)" },
  "core.health.": { values: LITERALS, from: "the metric names the rules measure (health-text)", partial: true },
  "growth.health.grades.": { values: ["warning", "watch", "fine"], from: "Grade (lib/i18n/health-text)" },
  "experience.reasonNames.": { values: REASON_CODES, from: "REASON_CODES" },
  "experience.reasonMeaning.": { values: REASON_CODES, from: "REASON_CODES" },
  "experience.headline.": { values: REASON_CODES, from: "headlineKey: a reason code (those with a figure to lead with)", partial: true },
  "reasonTitles.": { values: REASON_CODES, from: "REASON_CODES (dashboard reason-title)" },
  "experience.drop.confidence.": { values: ["high", "medium", "low"], from: "Confidence (lib/core/types)" },
  "experience.recovery.go.": { values: STEP_CODES, from: "STEP_CODES (recovery-step stepHref; the others fall back to go.whatIf)", partial: true },
  "experience.recovery.basis.": { values: ["onTimeRecord", "cancellation"], from: "Step.basis (lib/core/types)" },
  "experience.recovery.errors.": { values: LITERALS, from: "StepActionState.error" },
  "experience.firstRun.": { values: ["export", "import", "read"], from: "first-run-guide steps" },
  "experience.whatIf.actions.": { values: LITERALS, from: "the what-if page's CHECKS" },
  "experience.appeal.languages.": { values: LETTER_LANGUAGES, from: "LETTER_LANGUAGES" },
  "experience.appeal.outcomes.": { values: APPEAL_OUTCOMES, from: "APPEAL_OUTCOMES" },
  "experience.appeal.errors.": { values: LITERALS, from: "appeal validation and action error codes" },
  "experience.profile.employmentKinds.": { values: EMPLOYMENT_KINDS, from: "EMPLOYMENT_KINDS" },
  "experience.profile.flags.": { values: LITERALS, from: "profile-form FLAGS" },
  "experience.profile.errors.": { values: LITERALS, from: "profile validation error codes" },
  "experience.chart.overlay.": { values: LITERALS, from: "timeline overlay kinds" },
  "experience.chart.range.": { values: LITERALS, from: "timeline range keys" },
  "data.types.": { values: EVENT_TYPES, from: "EVENT_TYPES" },
  "data.fields.": { values: Object.values(EVENT_FORM_FIELDS).flatMap((fields) => fields.map((f) => f.name)), from: "EVENT_FORM_FIELDS (from the history-v1 schema)" },
  "data.options.": { values: LITERALS, from: "event option values" },
  "data.errors.": { values: LITERALS, from: "event form error codes" },
  "data.importPage.": { values: LITERALS, from: "import-flow progress labels" },
  "data.importPage.column.": { values: CSV_ROLES, from: "CSV_ROLES (the mapping form asks for some)", partial: true },
  "bills.mapping.typeHelp.": { values: CSV_TYPES, from: "CSV_TYPES (the mapping form's type choices)" },
  "auth.errors.": { values: LITERALS, from: "auth validation and action error codes" },
  "settings.activity.actions.": { values: LITERALS, from: "activity-message KNOWN" },
  "settings.privacy.items.": { values: LITERALS, from: "privacy page ITEMS" },
  "settings.sections.": { values: LITERALS, from: "settings page sections" },
  "tokens.errors.": { values: LITERALS, from: "TokenErrorKey" },
  "screenshots.status.": { values: STATUSES, from: "STATUSES (screenshot flow-state)" },
  "screenshots.refusal.": { values: [...LOCAL_REFUSALS, ...REFUSAL_CODES], from: "LOCAL_REFUSALS and REFUSAL_CODES" },
  "screenshots.products.": { values: SCREENSHOT_PRODUCTS, from: "SCREENSHOT_PRODUCTS" },
  "screenshots.types.": { values: OBSERVATION_TYPES, from: "OBSERVATION_TYPES" },
  "screenshots.dateSource.": { values: DATE_SOURCES, from: "DATE_SOURCES" },
  "screenshots.verdict.": { values: VERDICTS, from: "VERDICTS (screenshot flow-state)", partial: true },
  "firstVisit.form.errors.": { values: LIMIT_CHANGE_ERRORS, from: "LIMIT_CHANGE_ERRORS (the limit form's schema and action)" },
  "firstVisit.headline.": { values: HEADLINE_KINDS, from: "HEADLINE_KINDS (dashboard headline-parts)", partial: true },
  "firstVisit.learned.": { values: LEARNED_KINDS, from: "LEARNED_KINDS (imported summary tiles and strips)", partial: true },
  "firstVisit.nextSteps.": { values: MISSING_DATA, from: "MISSING_DATA (drop page next steps)", partial: true },
  "firstVisit.chart.lane.": { values: OVERLAY_KINDS, from: "OVERLAY_KINDS (lanes under the chart)" },
  "notifications.kinds.": { values: REMINDER_KINDS, from: "REMINDER_KINDS (lib/reminders/kinds)" },
  "notifications.sections.": { values: ["notifications", "calendar"], from: "the settings page's reminder sections" },
  "notifications.settings.": { values: ["inApp", "email", "digest"], from: "delivery-form's checkbox columns (Delivery fields)" },
};

/** Latin words a Chinese string may hold: lender and brand names, file formats, units, initialisms. */
const LATIN_ALLOWED = new Set(["Jiebei", "Alipay", "WeChat", "JD", "JSON", "CSV", "XLSX", "API", "PNG", "JPEG", "URL", "ID", "MB", "KB", "WebP", "HEIC"]);
/** An example e-mail address is an address, not a word (the sign-in form shows one). */
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, loadCatalogue(ROOT, l)]));
const usage = scanUsage(ROOT, FILES);

function has(values: Values, v: string): boolean {
  return values instanceof Set ? values.has(v) : (values as readonly string[]).includes(v);
}

function isUsed(key: string): boolean {
  if (usage.keys.has(key)) return true;
  return Object.entries(DYNAMIC).some(([prefix, { values }]) => key.startsWith(prefix) && usage.dynamic.has(prefix) && has(values, key.slice(prefix.length).split(".")[0]!));
}

describe("message catalogues", () => {
  it("hold the same keys in every locale", () => {
    const [first, ...rest] = LOCALES;
    for (const l of rest) {
      expect([...catalogues[l]!.keys()].filter((k) => !catalogues[first]!.has(k)), `only in ${l}`).toEqual([]);
      expect([...catalogues[first]!.keys()].filter((k) => !catalogues[l]!.has(k)), `only in ${first}`).toEqual([]);
    }
  });

  it("hold only keys some code reads", () => {
    expect([...catalogues.en!.keys()].filter((k) => !isUsed(k))).toEqual([]);
  });

  it("build keys at run time only under a documented prefix", () => {
    const undocumented = [...usage.dynamic].filter(([p]) => !(p in DYNAMIC)).map(([p, where]) => `${p}* at ${where.join(", ")}`);
    expect(undocumented).toEqual([]);
    // An entry no code uses any more would hide keys of that prefix from the check above.
    expect(Object.keys(DYNAMIC).filter((p) => !usage.dynamic.has(p))).toEqual([]);
  });

  it("use exported enumerations that the catalogue covers completely", () => {
    const missing = Object.entries(DYNAMIC)
      .filter(([, { values, partial }]) => !(values instanceof Set) && !partial)
      .flatMap(([prefix, { values }]) => (values as readonly string[]).filter((v) => ![...catalogues.en!.keys()].some((k) => k === `${prefix}${v}` || k.startsWith(`${prefix}${v}.`))).map((v) => `${prefix}${v}`));
    expect(missing).toEqual([]);
  });

  it("hold no English words in Chinese", () => {
    const offending = [...catalogues["zh-CN"]!].flatMap(([key, value]) => {
      const words = icuText(value).replace(EMAIL, " ").match(/[A-Za-z]+/g) ?? [];
      const bad = words.filter((w) => !LATIN_ALLOWED.has(w));
      return bad.length ? [`${key}: ${bad.join(" ")}`] : [];
    });
    expect(offending).toEqual([]);
  });
});

describe("icuText", () => {
  it("keeps literal text and branch text, drops arguments and selectors", () => {
    const squash = (v: string) => v.replace(/\s+/g, " ").trim();
    expect(squash(icuText("共{count, plural, =0 {没有记录} other {# 条记录}}，{name}"))).toBe("共 没有记录 条记录 ，");
    expect(squash(icuText("使用 <email>{emailText}</email> 登录"))).toBe("使用 登录");
    expect(icuText("{field, select, employer {工作单位} other {职业状态}}")).toContain("工作单位");
  });
});

describe("scanUsage", () => {
  it("finds literal, conditional, dynamic and Promise.all-bound keys, nearest binding first", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "catalogue-scan-"));
    const file = join(dir, "page.tsx");
    writeFileSync(
      file,
      [
        'async function meta() { const t = await getTranslations("meta"); return t("title"); }',
        'async function Page() {',
        '  const [t, tn, locale] = await Promise.all([getTranslations("page"), getTranslations({ namespace: "names" }), getLocale()]);',
        '  const key = ok ? "a.one" : "a.two";',
        '  // t("commented") is not a call',
        '  return [t("title"), t(done === "x" ? "done" : "open"), t.rich(`rows.${n}`), tn(code), t(key)];',
        "}",
      ].join("\n"),
    );
    const u = scanUsage(dir, [file]);
    expect([...u.keys].sort()).toEqual(["meta.title", "page.a.one", "page.a.two", "page.done", "page.open", "page.title"]);
    expect([...u.dynamic.keys()].sort()).toEqual(["names.", "page.rows."]);
  });
});
