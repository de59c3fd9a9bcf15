/**
 * `npm run -s explain -- FILE|- [--lang zh|en]` — explains every limit drop of a history-v1 file
 * (and `growth`, when the limit has been flat); `--lang` adds a `text` to every drop, reason,
 * step, outlook and growth blocker, amounts in the document's currency.
 * Valid input: the output contract as JSON on stdout, exit 0. Invalid input: one problem per line
 * on stderr, nothing on stdout, exit 1. Usage errors: a message and the usage on stderr, exit 2.
 * No stack trace ever reaches the user.
 */
import { readFileSync } from "node:fs";
import { explain } from "@/lib/core";
import { parseHistoryJson } from "@/lib/history/parse";
import { withText } from "@/lib/i18n/core-text";
import type { Locale } from "@/lib/i18n/config";

const USAGE = "usage: npm run -s explain -- FILE [--lang zh|en]\n       (FILE may be - to read standard input)";
const LANGS: Record<string, Locale> = { zh: "zh-CN", "zh-CN": "zh-CN", en: "en" };

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; locale?: Locale } {
  let file: string | undefined;
  let locale: Locale | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") throw new UsageError("");
    if (arg === "--lang" || arg.startsWith("--lang=")) {
      const value = arg === "--lang" ? argv[++i] : arg.slice(7);
      if (value === undefined) throw new UsageError("--lang needs a value: zh or en");
      locale = LANGS[value];
      if (!locale) throw new UsageError(`unknown language "${value}": use zh or en`);
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file !== undefined) {
      throw new UsageError(`one input file only (got "${file}" and "${arg}")`);
    } else file = arg;
  }
  if (file === undefined) throw new UsageError("missing input FILE (or - for standard input)");
  return { file, locale };
}

function readInput(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === "ENOENT" ? "no such file" : e.code === "EISDIR" ? "is a directory" : e.code === "EACCES" ? "permission denied" : (e.code ?? e.message);
    throw new InputError([`cannot read ${file === "-" ? "standard input" : file}: ${why}`]);
  }
}

class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

function main(argv: string[]): number {
  try {
    const { file, locale } = parseArgs(argv);
    const parsed = parseHistoryJson(readInput(file).replace(/^\uFEFF/, ""));
    if (!parsed.ok) throw new InputError(parsed.problems);
    const result = explain(parsed.document);
    const out = locale ? withText(result, locale, { currency: parsed.document.borrower.currency }) : result;
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(err.message ? `explain: ${err.message}\n${USAGE}\n` : `${USAGE}\n`);
      return err.message ? 2 : 0;
    }
    if (err instanceof InputError) {
      process.stderr.write(`${err.problems.join("\n")}\n`);
      return 1;
    }
    process.stderr.write(`explain: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
