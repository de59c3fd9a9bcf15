/**
 * The wording of appeal letters in both languages. A letter is a document the borrower sends, not
 * UI chrome, so its sentences live here beside the code that assembles them, not in messages/.
 */
import type { BorrowerReasonCode, StepCode } from "@/lib/core/types";

export type LetterLanguage = "zh" | "en";

export interface LetterTemplate {
  subject: (product: string, date: string) => string;
  greeting: (product: string) => string;
  drop: (o: { date: string; from: string; to: string; cancelled: boolean }) => string;
  onTime: (o: { repayments: number; since: string }) => string;
  late: (o: { late: number }) => string;
  income: (o: { income: string; employment?: string; employer?: string; proof: boolean }) => string;
  verified: (items: string[]) => string;
  items: { identity: string; bankCard: string; phone: string };
  notApplying: (names: string[]) => string;
  applying: (names: string[]) => string;
  stepsDone: (steps: string[]) => string;
  /** What changed after the drop, each with its date. */
  since: {
    income: (o: { income: string; date: string }) => string;
    employment: (o: { employment: string; date: string }) => string;
    employer: (o: { employer: string; date: string }) => string;
    flags: (items: string[]) => string;
    flag: Record<"identityVerified" | "bankCardLinked" | "phoneVerified" | "incomeProofOnFile", (date: string) => string>;
    repayments: (o: { repayments: number; late: number }) => string;
  };
  request: string;
  attachments: string;
  closing: (name: string, date: string) => string;
  reasons: Record<BorrowerReasonCode, string>;
  steps: Partial<Record<StepCode, string>>;
  employment: Record<string, string>;
  list: (items: string[]) => string;
}

export const TEMPLATES: Record<LetterLanguage, LetterTemplate> = {
  en: {
    subject: (p, d) => `Request for review of my ${p} credit limit change on ${d}`,
    greeting: (p) => `Dear ${p} Customer Service,`,
    drop: ({ date, from, to, cancelled }) =>
      cancelled ? `On ${date} my credit line was cancelled: the limit went from ${from} to ${to}.` : `On ${date} my credit limit was reduced from ${from} to ${to}.`,
    onTime: ({ repayments, since }) => `I have repaid on time throughout: ${repayments} repayments since ${since}, none of them late and nothing overdue.`,
    late: ({ late }) => `I acknowledge ${late} late payment${late === 1 ? "" : "s"} on my record, which ${late === 1 ? "has" : "have"} since been settled.`,
    income: ({ income, employment, employer, proof }) =>
      `When the change was made, my monthly income was ${income}${employment ? ` (${employment}${employer ? `, ${employer}` : ""})` : employer ? ` (${employer})` : ""}${proof ? ", and proof of income was on file" : ""}.`,
    verified: (items) => `My account was fully set up: ${items.join(", ")}.`,
    items: { identity: "identity verified", bankCard: "bank card linked", phone: "phone number verified" },
    notApplying: (names) => `In the six months before the change, the usual reasons for a cut do not apply to my record: ${names.join("; ")}.`,
    applying: (names) => `I understand that ${names.join(" and ")} may have played a part.`,
    stepsDone: (steps) => `Since then I have ${steps.join(", ")}.`,
    since: {
      income: ({ income, date }) => `My monthly income has since been updated to ${income} on ${date}.`,
      employment: ({ employment, date }) => `My employment status has since changed to ${employment} on ${date}.`,
      employer: ({ employer, date }) => `My employer has since changed to ${employer} on ${date}.`,
      flags: (items) => `Since then I have also ${items.join(", ")}.`,
      flag: {
        identityVerified: (d) => `verified my identity on ${d}`,
        bankCardLinked: (d) => `linked a bank card on ${d}`,
        phoneVerified: (d) => `verified my phone number on ${d}`,
        incomeProofOnFile: (d) => `provided proof of income on ${d}`,
      },
      repayments: ({ repayments, late }) =>
        `Since the change I have made ${repayments} repayment${repayments === 1 ? "" : "s"}, ${late === 0 ? (repayments === 1 ? "on time" : "all on time") : `${late} of them late`}.`,
    },
    request: "I kindly ask you to review my account and restore my previous limit, or to tell me what led to the change and what I can do about it.",
    attachments: "I can provide proof of income, repayment records and any other documents you need.",
    closing: (name, date) => `Yours faithfully,\n${name}\n${date}`,
    reasons: {
      INCOME_DECREASE: "no fall in income",
      EMPLOYMENT_CHANGE: "no change of job",
      HIGH_UTILIZATION: "no heavy use of my limit",
      HIGH_DEBT_BURDEN: "no excessive debt for my income",
      MULTI_LENDER_EXPOSURE: "no credit lines at many other lenders",
      CREDIT_INQUIRIES: "no string of credit applications",
      OVERDUE: "no late or overdue payments",
      EARLY_REPAYMENT_PATTERN: "no pattern of early payoffs",
      IRREGULAR_REPAYMENT: "no irregular repayments",
      FREQUENT_SMALL_BORROWING: "no frequent small borrowing",
      LOW_ACTIVITY: "regular use of the account",
      INCOMPLETE_PROFILE: "a complete profile",
      ACCOUNT_SECURITY: "no security problem on the account",
    },
    steps: {
      UPDATE_INCOME: "updated my income and employment details",
      COMPLETE_PROFILE: "completed verification and linked my bank card and phone",
      REDUCE_UTILIZATION: "brought my balance below half of the limit",
      CLEAR_OVERDUE_AND_AUTOPAY: "cleared every overdue amount and turned on automatic repayment",
      PAUSE_CREDIT_APPLICATIONS: "stopped applying for new credit",
      CLOSE_UNUSED_CREDIT_LINES: "closed credit lines I do not use",
      REPAY_ON_SCHEDULE: "repaid on the due dates",
      PLAN_FEWER_LARGER_BORROWINGS: "stopped frequent small borrowing",
      USE_ACCOUNT_REGULARLY: "used the account regularly",
      SECURE_ACCOUNT: "secured my account",
      CHECK_CREDIT_REPORT: "checked my credit report",
    },
    employment: { employed: "employed", "self-employed": "self-employed", irregular: "irregular work", unemployed: "unemployed", student: "student", retired: "retired" },
    list: (items) => items.join(", "),
  },
  zh: {
    subject: (p, d) => `关于${d}${p}额度调整的复核申请`,
    greeting: (p) => `尊敬的${p}客服：`,
    drop: ({ date, from, to, cancelled }) => (cancelled ? `${date}，我的额度被关闭，从${from}降至${to}。` : `${date}，我的额度从${from}降至${to}。`),
    onTime: ({ repayments, since }) => `我一直按时还款：自${since}以来共还款${repayments}次，没有任何逾期。`,
    late: ({ late }) => `我的记录中有${late}次逾期，均已结清。`,
    income: ({ income, employment, employer, proof }) =>
      `额度调整时，我的月收入为${income}${employment || employer ? `（${[employment, employer].filter(Boolean).join("，")}）` : ""}${proof ? "，并已上传收入证明" : ""}。`,
    verified: (items) => `当时我的账户资料已完整：${items.join("、")}。`,
    items: { identity: "已实名认证", bankCard: "已绑定银行卡", phone: "已验证手机号" },
    notApplying: (names) => `在额度调整前的六个月里，常见的降额原因在我的记录中并不存在：${names.join("；")}。`,
    applying: (names) => `我理解${names.join("和")}可能有一定影响。`,
    stepsDone: (steps) => `此后我已${steps.join("，")}。`,
    since: {
      income: ({ income, date }) => `此后，我的月收入已于${date}更新为${income}。`,
      employment: ({ employment, date }) => `我的职业状态已于${date}变为“${employment}”。`,
      employer: ({ employer, date }) => `我的工作单位已于${date}变更为${employer}。`,
      flags: (items) => `此外，我已${items.join("，")}。`,
      flag: {
        identityVerified: (d) => `于${d}完成实名认证`,
        bankCardLinked: (d) => `于${d}绑定银行卡`,
        phoneVerified: (d) => `于${d}验证手机号`,
        incomeProofOnFile: (d) => `于${d}提交收入证明`,
      },
      repayments: ({ repayments, late }) => `额度调整后，我又还款${repayments}次，${late === 0 ? "均按时还款" : `其中${late}次逾期`}。`,
    },
    request: "恳请贵方复核我的账户并恢复原有额度，或告知额度调整的原因及我可以改进的方面。",
    attachments: "如有需要，我可以提供收入证明、还款记录及其他材料。",
    closing: (name, date) => `此致\n敬礼\n\n${name}\n${date}`,
    reasons: {
      INCOME_DECREASE: "收入没有下降",
      EMPLOYMENT_CHANGE: "工作没有变动",
      HIGH_UTILIZATION: "没有过度使用额度",
      HIGH_DEBT_BURDEN: "负债与收入相称",
      MULTI_LENDER_EXPOSURE: "没有在多家机构借贷",
      CREDIT_INQUIRIES: "没有频繁申请信贷",
      OVERDUE: "没有逾期还款",
      EARLY_REPAYMENT_PATTERN: "没有频繁提前还款",
      IRREGULAR_REPAYMENT: "还款规律",
      FREQUENT_SMALL_BORROWING: "没有频繁小额借款",
      LOW_ACTIVITY: "账户经常使用",
      INCOMPLETE_PROFILE: "资料完整",
      ACCOUNT_SECURITY: "账户没有安全问题",
    },
    steps: {
      UPDATE_INCOME: "更新了收入和工作信息",
      COMPLETE_PROFILE: "完成了实名认证并绑定了银行卡和手机号",
      REDUCE_UTILIZATION: "将额度使用率降到了50%以下",
      CLEAR_OVERDUE_AND_AUTOPAY: "结清了逾期并开启了自动还款",
      PAUSE_CREDIT_APPLICATIONS: "暂停了新的信贷申请",
      CLOSE_UNUSED_CREDIT_LINES: "注销了不用的信贷账户",
      REPAY_ON_SCHEDULE: "按期还款",
      PLAN_FEWER_LARGER_BORROWINGS: "停止了频繁小额借款",
      USE_ACCOUNT_REGULARLY: "经常使用账户",
      SECURE_ACCOUNT: "修复了账户安全设置",
      CHECK_CREDIT_REPORT: "核对了信用报告",
    },
    employment: { employed: "在职", "self-employed": "个体经营", irregular: "工作不固定", unemployed: "待业", student: "学生", retired: "退休" },
    list: (items) => items.join("、"),
  },
};
