import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/first-visit.json";
import zh from "@/messages/zh-CN/first-visit.json";
import { LIMIT_CHANGE_ERRORS } from "./validation";

/** The first visit's catalogue: the same keys in both languages, every key used, Chinese without English. */
const ROOT = path.resolve(import.meta.dirname, "../..");

function leaves(o: unknown, prefix = ""): Record<string, string> {
  if (typeof o === "string") return { [prefix]: o };
  return Object.assign({}, ...Object.entries(o as Record<string, unknown>).map(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k)));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" || d.name.startsWith(".") || d.name === "generated" ? [] : sources(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [readFileSync(p, "utf8")] : [];
  });
}

const EN = leaves(en);
const ZH = leaves(zh);
const CODE = ["app", "components", "lib"].flatMap((d) => sources(path.join(ROOT, d))).join("\n");

describe("messages/*/first-visit.json", () => {
  it("holds the same keys in English and Chinese", () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
  });

  it("every key is used by the code (its last segment, as code names it)", () => {
    const unused = Object.keys(EN).filter((key) => {
      const last = key.split(".").at(-1)!;
      if (key.startsWith("firstVisit.form.errors.")) return !(LIMIT_CHANGE_ERRORS as readonly string[]).includes(last);
      // Keys read through a variable (`${kind}.title`, t(variant === … ? "a" : "b")) are named as strings somewhere.
      return !new RegExp(`["'\`.]${last}["'\`]`).test(CODE);
    });
    expect(unused).toEqual([]);
  });

  it("Chinese values carry no English words (brand names and ICU placeholders aside)", () => {
    const latin = Object.entries(ZH)
      .map(([k, v]) => [k, v.replace(/\{[^}]*\}/g, "")] as const)
      .filter(([, v]) => /[A-Za-z]{2,}/.test(v));
    expect(latin).toEqual([]);
  });
});
