/**
 * An appeal letter for one drop, in Chinese or English, from the drop's evidence only: the
 * repayment record, income and profile at the drop, the common reasons that do NOT apply, the
 * ones that do (acknowledged, not argued away) and the recovery steps already done. Pure.
 */
import type { BorrowerReasonCode, Drop, StepCode } from "@/lib/core/types";
import type { HistoryDocument } from "@/lib/history/schema";
import { appealFacts, type AppealFacts } from "./facts";
import { TEMPLATES, type LetterLanguage } from "./templates";
import { formatDay, formatMoney } from "@/lib/i18n/format";

export type { LetterLanguage };
export const LETTER_LANGUAGES = ["zh", "en"] as const;

/** Product names as the platform's own customer service knows them. */
const PRODUCT_NAMES: Record<string, Record<LetterLanguage, string>> = { Jiebei: { zh: "支付宝借呗", en: "Alipay Jiebei" } };

/** The letter is written from the history's events, or from facts measured elsewhere (the worker pool). */
export type LetterInput = LetterBase & ({ history: Pick<HistoryDocument, "events" | "borrower"> } | { borrower: HistoryDocument["borrower"]; facts: AppealFacts });

interface LetterBase {
  drop: Drop;
  language: LetterLanguage;
  name: string;
  /** YYYY-MM-DD the letter is dated. */
  today: string;
  stepsDone?: StepCode[];
}

/** The letter's dates and amounts through the app's one formatter, in the letter's language. */
const localeOf = (lang: LetterLanguage) => (lang === "zh" ? "zh-CN" : "en");
const dayIn = (day: string, lang: LetterLanguage) => formatDay(localeOf(lang), day, "long");

const PRIORITY: BorrowerReasonCode[] = [
  "OVERDUE", "CREDIT_INQUIRIES", "HIGH_UTILIZATION", "MULTI_LENDER_EXPOSURE", "FREQUENT_SMALL_BORROWING", "HIGH_DEBT_BURDEN",
  "INCOME_DECREASE", "IRREGULAR_REPAYMENT", "EARLY_REPAYMENT_PATTERN", "EMPLOYMENT_CHANGE", "INCOMPLETE_PROFILE", "LOW_ACTIVITY", "ACCOUNT_SECURITY",
];

export function appealLetter(input: LetterInput): { subject: string; body: string } {
  const { drop, language: lang } = input;
  const T = TEMPLATES[lang];
  const f = "facts" in input ? input.facts : appealFacts(input.history, drop, input.today);
  const borrower = "facts" in input ? input.borrower : input.history.borrower;
  const product = PRODUCT_NAMES[borrower.product]?.[lang] ?? borrower.product;
  const money = (v: number) => formatMoney(localeOf(lang), v, borrower.currency);
  const date = dayIn(drop.date, lang);

  const facts: string[] = [T.drop({ date, from: money(drop.previousLimit), to: money(drop.newLimit), cancelled: drop.kind === "cancellation" })];
  if (f.repayments > 0 && f.late === 0 && f.firstDate) facts.push(T.onTime({ repayments: f.repayments, since: dayIn(f.firstDate, lang) }));
  if (f.late > 0) facts.push(T.late({ late: f.late }));
  if (f.monthlyIncome !== null) {
    facts.push(T.income({ income: money(f.monthlyIncome), employment: f.employment ? T.employment[f.employment] : undefined, employer: f.employer ?? undefined, proof: f.incomeProof }));
  }
  const verified = (["identity", "bankCard", "phone"] as const).filter((k) => f.verified[k]).map((k) => T.items[k]);
  if (verified.length === 3) facts.push(T.verified(verified));

  const since = sinceSentences(f, T, lang, money);

  const context: string[] = [];
  // The six a reviewer looks for first; claims about income only when income is on record.
  const notApplying = PRIORITY.filter((c) => f.notApplying.includes(c))
    .filter((c) => (c !== "INCOMPLETE_PROFILE" || verified.length === 3) && ((c !== "INCOME_DECREASE" && c !== "HIGH_DEBT_BURDEN") || f.monthlyIncome !== null))
    // Never claim "no late payments" next to an acknowledged one, even if it fell outside the window.
    .filter((c) => c !== "OVERDUE" || f.late === 0)
    .slice(0, 6);
  if (notApplying.length) context.push(T.notApplying(notApplying.map((c) => T.reasons[c])));
  if (f.applying.length) context.push(T.applying(f.applying.map((c) => nameOf(c, lang))));
  // A step whose result the since-sentences already state, with its date, is not said twice.
  const said = new Set<StepCode>(f.since.changes.map((c) => (c.kind === "flag" ? "COMPLETE_PROFILE" : "UPDATE_INCOME")));
  const done = (input.stepsDone ?? []).filter((s) => !said.has(s)).map((s) => T.steps[s]).filter((s): s is string => !!s);
  if (done.length) context.push(T.stepsDone(done));

  const body = [T.greeting(product), facts.join(lang === "zh" ? "" : " "), since.join(lang === "zh" ? "" : " "), context.join(lang === "zh" ? "" : " "), `${T.request}${lang === "zh" ? "" : " "}${T.attachments}`, T.closing(input.name, dayIn(input.today, lang))]
    .filter(Boolean)
    .join("\n\n");
  return { subject: T.subject(product, date), body };
}

/** What changed after the drop, dated, so the reviewer sees both the profile they judged and today's. */
function sinceSentences(f: ReturnType<typeof appealFacts>, T: (typeof TEMPLATES)[LetterLanguage], lang: LetterLanguage, money: (v: number) => string): string[] {
  const out: string[] = [];
  const flags: string[] = [];
  for (const c of f.since.changes) {
    const date = dayIn(c.on, lang);
    if (c.kind === "income") out.push(T.since.income({ income: money(c.value), date }));
    else if (c.kind === "employment") out.push(T.since.employment({ employment: T.employment[c.value] ?? c.value, date }));
    else if (c.kind === "employer") out.push(T.since.employer({ employer: c.value, date }));
    else flags.push(T.since.flag[c.flag](date));
  }
  if (flags.length) out.push(T.since.flags(flags));
  if (f.since.repayments > 0) out.push(T.since.repayments({ repayments: f.since.repayments, late: f.since.late }));
  return out;
}

/** Plain names of reasons that apply, for the acknowledging sentence. */
const NAMES: Record<LetterLanguage, Partial<Record<string, string>>> = {
  en: {
    INCOME_DECREASE: "a fall in income", EMPLOYMENT_CHANGE: "a change of job", HIGH_UTILIZATION: "heavy use of my limit", HIGH_DEBT_BURDEN: "my debt level",
    MULTI_LENDER_EXPOSURE: "credit at other lenders", CREDIT_INQUIRIES: "recent credit applications", OVERDUE: "late payments", EARLY_REPAYMENT_PATTERN: "early payoffs",
    IRREGULAR_REPAYMENT: "irregular repayments", FREQUENT_SMALL_BORROWING: "frequent small borrowing", LOW_ACTIVITY: "low account activity",
    INCOMPLETE_PROFILE: "missing profile details", ACCOUNT_SECURITY: "an account security check",
  },
  zh: {
    INCOME_DECREASE: "收入下降", EMPLOYMENT_CHANGE: "工作变动", HIGH_UTILIZATION: "额度使用率较高", HIGH_DEBT_BURDEN: "负债水平", MULTI_LENDER_EXPOSURE: "多头借贷",
    CREDIT_INQUIRIES: "近期信贷申请", OVERDUE: "逾期还款", EARLY_REPAYMENT_PATTERN: "提前还款", IRREGULAR_REPAYMENT: "还款不规律", FREQUENT_SMALL_BORROWING: "频繁小额借款",
    LOW_ACTIVITY: "账户活跃度低", INCOMPLETE_PROFILE: "资料不完整", ACCOUNT_SECURITY: "账户安全核查",
  },
};
function nameOf(code: string, lang: LetterLanguage): string {
  return NAMES[lang][code] ?? code;
}
