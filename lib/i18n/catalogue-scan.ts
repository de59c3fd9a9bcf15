/**
 * Reads the message catalogues and finds, in the source, which keys the code asks for: the test in
 * catalogue.test.ts uses it to fail on a key no code reads and on a Chinese string with English in
 * it. Node only (reads files); a static scan, so the rules it follows are spelled out here.
 *
 * A translator is a variable bound to `useTranslations("ns")`, `getTranslations("ns")` (also
 * `{ namespace: "ns" }` and inside `const [a, b] = await Promise.all([...])`) or
 * `coreTranslator(locale)` (namespace "core"), or one a file declares with a comment
 * `// i18n-translator: t = "ns"` (a translator passed in as an argument). For each call `t(…)`,
 * `t.rich(…)`, `t.has(…)`, `t.markup(…)`, `t.raw(…)`, the first argument gives:
 *   - every string literal in it: a key (`t(done ? "doneBadge" : "skippedBadge")` uses both);
 *   - every template literal: a dynamic prefix, the namespace plus its text before the first `${`;
 *   - an argument with neither (a variable): the dynamic prefix of the namespace itself.
 * Dynamic prefixes must be listed in the test's allow-list with the enumeration they range over.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Flat = Map<string, string>;

export function flatten(obj: unknown, prefix = "", out: Flat = new Map()): Flat {
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") flatten(v, key, out);
    else out.set(key, String(v));
  }
  return out;
}

/** Every catalogue of a locale, merged (namespaces do not overlap, as lib/i18n/request.ts assumes). */
export function loadCatalogue(root: string, locale: string): Flat {
  const dir = path.join(root, "messages", locale);
  const out: Flat = new Map();
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) flatten(JSON.parse(readFileSync(path.join(dir, f), "utf8")), "", out);
  return out;
}

/** The literal text of an ICU message: arguments dropped, plural/select branches and tag contents kept. */
export function icuText(message: string): string {
  let out = "";
  let i = 0;
  while (i < message.length) {
    const c = message[i]!;
    if (c === "{") {
      const end = matching(message, i, "{", "}");
      out += ` ${argumentText(message.slice(i + 1, end))} `;
      i = end + 1;
    } else if (c === "<") {
      const end = message.indexOf(">", i);
      i = end < 0 ? message.length : end + 1;
      out += " ";
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function argumentText(inner: string): string {
  const parts = inner.split(",");
  const kind = parts[1]?.trim();
  if (kind !== "plural" && kind !== "select" && kind !== "selectordinal") return "";
  // "name, plural, =0 {a} other {b}": keep the branches' text, not their selectors.
  const rest = parts.slice(2).join(",");
  let text = "";
  for (let i = rest.indexOf("{"); i >= 0; i = rest.indexOf("{", i)) {
    const end = matching(rest, i, "{", "}");
    text += ` ${icuText(rest.slice(i + 1, end)).replaceAll("#", " ")} `;
    i = end + 1;
  }
  return text;
}

function matching(s: string, open: number, a: string, b: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === a) depth++;
    else if (s[i] === b && --depth === 0) return i;
  }
  return s.length - 1;
}

export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules" && e.name !== "generated" && !e.name.startsWith(".")) walk(p);
      } else if (/\.(ts|tsx)$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name)) out.push(p);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return out;
}

export interface Usage {
  keys: Set<string>;
  /** Dynamic prefix -> where it was seen (file:line). */
  dynamic: Map<string, string[]>;
}

const TRANSLATOR_CALL = /(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)"|\{[^}]*namespace:\s*"([^"]*)"[^}]*\})?\s*\)/;

interface Binding {
  name: string;
  ns: string;
  at: number;
}

/** Translator variables of one file with their namespaces ("" for the root) and where each is bound. */
function bindings(src: string): Binding[] {
  const out: Binding[] = [];
  for (const m of src.matchAll(new RegExp(String.raw`(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?` + TRANSLATOR_CALL.source, "g"))) out.push({ name: m[1]!, ns: m[2] ?? m[3] ?? "", at: m.index! });
  for (const m of src.matchAll(/(?:const|let)\s+(\w+)\s*=\s*coreTranslator\(/g)) out.push({ name: m[1]!, ns: "core", at: m.index! });
  for (const m of src.matchAll(/i18n-translator:\s*(\w+)\s*=\s*"([^"]*)"/g)) out.push({ name: m[1]!, ns: m[2]!, at: 0 });
  for (const m of src.matchAll(/(?:const|let)\s*\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[/g)) {
    const start = m.index! + m[0].length - 1;
    const list = splitTopLevel(src.slice(start + 1, matching(src, start, "[", "]")));
    m[1]!.split(",").forEach((name, i) => {
      const call = list[i]?.match(TRANSLATOR_CALL);
      if (call && name.trim()) out.push({ name: name.trim(), ns: call[1] ?? call[2] ?? "", at: m.index! });
    });
  }
  return out;
}

/** Block comments and whole-line comments, which quote calls without making them. */
function withoutComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/^\s*\/\/.*$/gm, (c) => " ".repeat(c.length));
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = "";
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/** The first argument of the call whose "(" is at `open`. */
function firstArgument(src: string, open: number): string {
  return splitTopLevel(src.slice(open + 1, matching(src, open, "(", ")")))[0] ?? "";
}

export function scanUsage(root: string, files: readonly string[]): Usage {
  const usage: Usage = { keys: new Set(), dynamic: new Map() };
  const join = (ns: string, key: string) => (ns ? `${ns}.${key}` : key);
  for (const file of files) {
    const raw = readFileSync(file, "utf8");
    const src = withoutComments(raw);
    const binds = bindings(raw);
    const calls: { ns: string; open: number }[] = [];
    for (const name of new Set(binds.map((b) => b.name))) {
      for (const m of src.matchAll(new RegExp(String.raw`(?<![\w.])${name}(?:\.(?:rich|has|markup|raw))?\(`, "g"))) {
        // The nearest binding before the call: one file may bind `t` to several namespaces in several functions.
        const bound = binds.filter((b) => b.name === name && b.at <= m.index!).at(-1);
        if (bound) calls.push({ ns: bound.ns, open: m.index! + m[0].length - 1 });
      }
    }
    for (const m of src.matchAll(/coreTranslator\([^)]*\)\(/g)) calls.push({ ns: "core", open: m.index! + m[0].length - 1 });
    for (const { ns, open } of calls) {
      const where = `${path.relative(root, file)}:${src.slice(0, open).split("\n").length}`;
      let arg = firstArgument(src, open).trim();
      // `t(key)` with `const key = cond ? "a" : "b"` in the file: the initializer's literals.
      const init = /^\w+$/.test(arg) ? src.match(new RegExp(String.raw`const\s+${arg}\s*=\s*([^;\n]+)`)) : null;
      if (init) arg = init[1]!;
      // Literals compared against (`kind === "cancellation" ? …`) are values, not keys.
      arg = arg.replace(/[!=]==?\s*("[^"]*"|'[^']*')/g, "").replace(/("[^"]*"|'[^']*')\s*[!=]==?/g, "");
      const templates = [...arg.matchAll(/`([^`$]*)(\$\{)?[^`]*`/g)];
      const strings = [...arg.replace(/`[^`]*`/g, "").matchAll(/"([^"]*)"|'([^']*)'/g)].map((s) => s[1] ?? s[2] ?? "");
      for (const s of strings) usage.keys.add(join(ns, s));
      for (const t of templates) {
        if (!t[2]) usage.keys.add(join(ns, t[1]!));
        else addDynamic(usage, join(ns, t[1]!), where);
      }
      if (!templates.length && !strings.length) addDynamic(usage, ns ? `${ns}.` : "", where);
    }
  }
  return usage;
}

function addDynamic(usage: Usage, prefix: string, where: string) {
  usage.dynamic.set(prefix, [...(usage.dynamic.get(prefix) ?? []), where]);
}
