/**
 * Every reason a file is refused before any row is read, in the borrower's language, each naming
 * what the file looks like and what to upload instead.
 */
import { BILL_IMPORTERS } from "./registry";
import type { BillImporter } from "./types";
import type { Lang } from "./text";

const names = (lang: Lang) => BILL_IMPORTERS.map((b) => b.name[lang]).join(lang === "zh" ? "、" : ", ");

function t(lang: Lang, en: string, zh: string): string {
  return lang === "zh" ? zh : en;
}

export const refusal = {
  empty: (lang: Lang) => t(lang, "The file is empty.", "文件是空的。"),
  binary: (lang: Lang) =>
    t(lang, `This is not a text file, a spreadsheet or a zip. Upload the bill as it arrived (${names(lang)}), a CSV or a history JSON file.`, `这不是文本文件、表格或压缩包。请上传收到的账单原件（${names(lang)}）、CSV 或历史记录 JSON 文件。`),
  oldExcel: (lang: Lang) =>
    t(lang, "This is an old Excel file (.xls) or a password-protected spreadsheet. Open it, save it as .xlsx or CSV without a password, and upload that.", "这是旧版电子表格文件（.xls）或设置了密码的表格。请打开后另存为不带密码的 .xlsx 或 CSV，再上传。"),
  /** No password given: asked for, with where it comes from. */
  passwordNeeded: (lang: Lang, bill: BillImporter | null) =>
    t(lang, "This zip is protected by a password. ", "这个压缩包设置了密码。") + passwordFrom(lang, bill),
  wrongPassword: (lang: Lang, bill: BillImporter | null) =>
    t(lang, "That password does not open this zip; nothing was read. ", "密码不正确，未读取任何内容。") + passwordFrom(lang, bill),
  noTable: (lang: Lang, entries: readonly string[]) =>
    t(
      lang,
      `This zip holds no CSV or XLSX file${entries.length ? ` (it holds ${entries.slice(0, 5).join(", ")})` : ""}. Upload the bill's zip as it arrived (${names(lang)}), or the .csv or .xlsx file itself.`,
      `这个压缩包里没有 CSV 或 XLSX 文件${entries.length ? `（里面是 ${entries.slice(0, 5).join("、")}）` : ""}。请上传收到的账单压缩包（${names(lang)}），或直接上传其中的 .csv 或 .xlsx 文件。`,
    ),
  severalTables: (lang: Lang, entries: readonly string[]) =>
    t(lang, `This zip holds several tables (${entries.slice(0, 5).join(", ")}). Upload one bill at a time.`, `这个压缩包里有多个表格（${entries.slice(0, 5).join("、")}）。请一次上传一份账单。`),
  zipTooLarge: (lang: Lang) =>
    t(lang, "This zip would expand to more than 20 MB, more than any bill; it was not unpacked.", "这个压缩包解压后超过 20 MB，超出任何账单的大小，未予解压。"),
  zipCorrupt: (lang: Lang) =>
    t(lang, "This zip is damaged or incomplete. Download the bill again and upload the zip as it arrived.", "压缩包已损坏或不完整。请重新下载账单，原样上传压缩包。"),
  sheetTooLarge: (lang: Lang) =>
    t(lang, "This spreadsheet is too large to read here (over 120 MB unpacked or over 250,000 rows). Split it or export a shorter period.", "这个表格太大（解压后超过 120 MB 或超过 250,000 行）。请拆分文件或导出较短的时间段。"),
  sheetTooSlow: (lang: Lang) =>
    t(lang, "Reading this spreadsheet took too long and was stopped. Save it as CSV and upload that.", "读取这个表格用时过长，已停止。请另存为 CSV 后上传。"),
  sheetCorrupt: (lang: Lang) =>
    t(lang, "This spreadsheet (XLSX) is damaged and cannot be read. Download it again, or save it as CSV and upload that.", "这个表格（XLSX）已损坏，无法读取。请重新下载，或另存为 CSV 后上传。"),
  /** An XLSX that is none of the bills we read. */
  unknownSheet: (lang: Lang, looksLike: BillImporter | null) =>
    (looksLike
      ? t(lang, `This spreadsheet looks like the ${looksLike.name.en}, but its header row (交易时间, …) was not found. `, `这个表格看起来像${looksLike.name.zh}，但没有找到表头（交易时间……）。`) + looksLike.howToExport[lang]
      : t(lang, `This is a spreadsheet (XLSX), but not one of the exports we read (${names(lang)}). Save it as CSV and upload that: you can then tell us which column is which.`, `这是一个表格文件（XLSX），但不是我们能读取的导出格式（${names(lang)}）。请另存为 CSV 后上传，然后告诉我们每一列是什么。`)),
  /** A text file that mentions a bill but has no header we know. */
  billWithoutHeader: (lang: Lang, bill: BillImporter) =>
    t(lang, `This looks like the ${bill.name.en}, but its header row (交易时间, …) was not found. `, `这看起来像${bill.name.zh}，但没有找到表头（交易时间……）。`) + bill.howToExport[lang],
};

function passwordFrom(lang: Lang, bill: BillImporter | null): string {
  if (bill) return bill.passwordFrom[lang];
  return t(
    lang,
    "The password comes with the bill: for the Alipay bill it is the 6-digit code Alipay sent you in the app; for the WeChat Pay bill it was sent to you in WeChat.",
    "密码随账单一起发给您：支付宝账单的密码是支付宝发给您的 6 位数字；微信支付账单的密码在微信中发给您。",
  );
}
