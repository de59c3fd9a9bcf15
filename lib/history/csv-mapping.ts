/**
 * How a user's own CSV maps onto history-v1: the zod schema of a saved mapping (one schema for
 * the mapping form, the API and the importer), a guess from header names, and the header hash
 * under which a mapping is saved so the next file with the same columns needs no questions.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { TEXT_ENCODINGS } from "./decode";
import { storableText } from "./schema";

/** Event types a plain CSV row can become: one date, at most one number, optional text. */
export const CSV_TYPES = ["borrow", "repayment", "limit", "score", "asset", "activity", "inquiry"] as const;
export type CsvType = (typeof CSV_TYPES)[number];

/** Types whose number comes from the amount column, and the history-v1 field it fills. */
export const AMOUNT_FIELD: Partial<Record<CsvType, "amount" | "limit" | "score" | "balance">> = {
  borrow: "amount",
  repayment: "amount",
  limit: "limit",
  score: "score",
  asset: "balance",
};

export const CSV_ROLES = ["date", "amount", "type", "id", "loanId", "lender", "note"] as const;
export type CsvRole = (typeof CSV_ROLES)[number];

// A saved mapping is stored as jsonb, which cannot hold a NUL or a lone surrogate: refused here.
const headerName = storableText(z.string()).pipe(z.string().trim().min(1, { error: "must name a column" }));

export const csvMapping = z
  .strictObject({
    /** Omitted = detected. */
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    delimiter: z.enum([",", ";", "\t", "|"]).optional(),
    /** 1-based line of the header row; omitted = guessed as inspectCsv does. */
    headerLine: z.number().int().min(1).optional(),
    /** Columns by header name (not position), so a re-ordered export still maps. */
    columns: z.strictObject({
      date: headerName,
      amount: headerName.optional(),
      type: headerName.optional(),
      id: headerName.optional(),
      loanId: headerName.optional(),
      lender: headerName.optional(),
      note: headerName.optional(),
    }),
    /** Every row is this type (instead of a type column). */
    fixedType: z.enum(CSV_TYPES).optional(),
    /** Type column value (compared trimmed, case-insensitive) → type, or "skip" to ignore the row. */
    typeValues: z.record(storableText(z.string()), z.enum([...CSV_TYPES, "skip"])).optional(),
    decimalSeparator: z.enum([".", ","]).default("."),
    /** Bank statements often write outflows as -500; "absolute" reads that as 500. */
    negativeAmounts: z.enum(["reject", "absolute"]).default("reject"),
    source: storableText(z.string()).pipe(z.string().trim().min(1).max(200)).default("import:csv"),
  })
  .superRefine((m, ctx) => {
    if ((m.fixedType === undefined) === (m.columns.type === undefined)) {
      ctx.addIssue({ code: "custom", path: ["fixedType"], message: "set either a type column or a fixed type, not both" });
    }
    if (m.columns.type !== undefined && !Object.keys(m.typeValues ?? {}).length) {
      ctx.addIssue({ code: "custom", path: ["typeValues"], message: "map at least one value of the type column to a type" });
    }
    const targets = m.fixedType ? [m.fixedType] : Object.values(m.typeValues ?? {});
    if (m.columns.amount === undefined && targets.some((t) => t !== "skip" && AMOUNT_FIELD[t])) {
      ctx.addIssue({ code: "custom", path: ["columns", "amount"], message: "an amount column is needed for borrow, repayment, limit, score and asset rows" });
    }
    if (m.columns.lender === undefined && targets.includes("inquiry")) {
      ctx.addIssue({ code: "custom", path: ["columns", "lender"], message: "a lender column is needed for inquiry rows" });
    }
  });
export type CsvMapping = z.infer<typeof csvMapping>;
export type CsvMappingInput = z.input<typeof csvMapping>;

/** Header text compared loosely: width-folded, lower case, no spaces/_/-, no unit suffix "(元)". */
export function normaliseHeader(h: string): string {
  return h.normalize("NFKC").replace(/^\ufeff/, "").toLowerCase().replace(/\((元|rmb|cny|yuan)\)$/, "").replace(/[\s_\-]+/g, "");
}

/** Stable across files with the same columns (any case, padding or width), different otherwise. */
export function headerHash(headers: readonly string[]): string {
  return createHash("sha256").update(headers.map(normaliseHeader).join("\u001f")).digest("hex").slice(0, 16);
}

const SYNONYMS: Record<CsvRole, string[]> = {
  date: ["日期", "时间", "交易时间", "交易日期", "记账日期", "发生日期", "date", "time", "datetime", "transactiondate", "posted", "bookingdate"],
  amount: ["金额", "交易金额", "发生额", "借款金额", "还款金额", "额度", "amount", "sum", "value", "total"],
  type: ["类型", "交易类型", "业务类型", "类别", "type", "kind", "category", "transactiontype"],
  id: ["流水号", "订单号", "交易订单号", "交易流水号", "编号", "id", "transactionid", "reference", "ref"],
  loanId: ["借据号", "借款编号", "贷款编号", "合同号", "loanid", "loan", "contract"],
  lender: ["机构", "贷款机构", "出借方", "放款机构", "银行", "lender", "bank", "institution", "creditor"],
  note: ["备注", "说明", "摘要", "附言", "note", "notes", "memo", "description", "remark", "comment"],
};

export type MappingSuggestion = { columns: Partial<Record<CsvRole, string>>; typeValues: Record<string, CsvType> };

/**
 * Guesses which header plays which role: exact synonyms first, then headers containing a
 * synonym (so 还款日期 is a date); each header is used once. With sample rows, also proposes
 * types for the values seen in the type column. A guess for the UI to confirm, not a mapping.
 */
export function suggestMapping(headers: readonly string[], sampleRows: readonly (readonly string[])[] = [], columnValues: Record<string, readonly string[]> = {}): MappingSuggestion {
  const norm = headers.map(normaliseHeader);
  const used = new Set<number>();
  const columns: Partial<Record<CsvRole, string>> = {};
  for (const pass of ["exact", "contains"] as const) {
    for (const role of CSV_ROLES) {
      if (columns[role] !== undefined) continue;
      const i = norm.findIndex((h, k) => !used.has(k) && h !== "" && SYNONYMS[role].some((s) => (pass === "exact" ? h === s : h.includes(s))));
      if (i !== -1) {
        used.add(i);
        columns[role] = headers[i]!;
      }
    }
  }
  const typeValues: Record<string, CsvType> = {};
  const typeIndex = columns.type === undefined ? -1 : headers.indexOf(columns.type);
  // Every value the column holds over the whole file when known, else those of the sample rows.
  const values = columns.type !== undefined && columnValues[columns.type] ? columnValues[columns.type]! : typeIndex === -1 ? [] : sampleRows.map((row) => (row[typeIndex] ?? "").trim());
  for (const value of values) {
    const guess = guessType(value);
    if (value && guess) typeValues[value] = guess;
  }
  return { columns, typeValues };
}

const TYPE_WORDS: [CsvType, RegExp][] = [
  ["repayment", /还|repay|payment|paid/i],
  ["borrow", /借|放款|提现|draw|loan|disburse|borrow/i],
  ["limit", /额度|limit/i],
  ["score", /评分|信用分|score/i],
  ["inquiry", /查询|申请|inquiry|application/i],
];

export function guessType(value: string): CsvType | null {
  return TYPE_WORDS.find(([, re]) => re.test(value))?.[0] ?? null;
}
