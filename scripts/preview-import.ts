/**
 * `npm run -s preview-import -- FILE [--password P] [--product Jiebei] [--lang zh|en]` — what
 * importing FILE would add, as JSON on stdout: {"format","rows","recognised","merged",
 * "activityDays","skipped":[{"line","reason"}],"lenders":[...],"events":[...]}. The same code path as
 * the import page's preview (lib/import/read-file.ts); nothing is saved. A refused file, or one with
 * problems, exits 1 with the message on stderr; a usage error exits 2.
 */
import { readFileSync } from "node:fs";
import { previewFile } from "@/lib/import/preview-json";

const USAGE = "usage: npm run -s preview-import -- FILE [--password P] [--product Jiebei] [--lang zh|en]";

class UsageError extends Error {}

type Args = { file: string; password?: string; product?: string; lang?: "zh" | "en" };

function parseArgs(argv: string[]): Args {
  const out: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") throw new UsageError("");
    const [name, inline] = arg.startsWith("--") ? (arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined]) : [arg, undefined];
    if (name === "--password" || name === "--product" || name === "--lang") {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UsageError(`${name} needs a value`);
      if (name === "--lang") {
        if (value !== "zh" && value !== "en" && value !== "zh-CN") throw new UsageError(`unknown language "${value}": use zh or en`);
        out.lang = value === "en" ? "en" : "zh";
      } else out[name.slice(2) as "password" | "product"] = value;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else if (out.file !== undefined) throw new UsageError(`one input file only (got "${out.file}" and "${arg}")`);
    else out.file = arg;
  }
  if (!out.file) throw new UsageError("missing input FILE");
  return out as Args;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message ? `${err.message}\n` : ""}${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.file);
  } catch (err) {
    process.stderr.write(`cannot read ${args.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 1;
  }
  const r = await previewFile(bytes, args);
  if (!r.ok) {
    process.stderr.write([r.message, ...r.problems].join("\n") + "\n");
    return 1;
  }
  process.stdout.write(JSON.stringify(r.preview) + "\n");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`preview-import failed: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
