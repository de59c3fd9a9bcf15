/**
 * Texts over generated histories (spec: "Texts"): every zh text free of Latin words outside an
 * allow-list, every amount in the history's currency, every date in a reason's text the date of
 * an event in that reason's evidence.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { explain, type Drop, type Reason } from "@/lib/core";
import { calendarDay, type HistoryDocument } from "@/lib/history/schema";
import { normaliseEvents } from "@/lib/core/normalise";
import { historyArb } from "@/lib/core/testing/arbitraries";
import { blockerText, dropText, growthText, outlookText, reasonText, stepText } from "./core-text";
import { formatMoney, MONEY_FIGURES } from "./core-format";
import type { Locale } from "./config";

/** Latin words a Chinese text may hold: brand names and formats (house style), and the spec's US$. */
const ZH_ALLOWED = new Set(["Jiebei", "Alipay", "WeChat", "JSON", "CSV", "XLSX", "API", "PNG", "JPEG", "URL", "ID", "US"]);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Dates a text names, as YYYY-MM-DD. */
function datesIn(text: string, locale: Locale): string[] {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (locale === "zh-CN") return [...text.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].map((m) => `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`);
  return [...text.matchAll(new RegExp(`(\\d{1,2}) (${MONTHS.join("|")}) (\\d{4})`, "g"))].map((m) => `${m[3]}-${pad(MONTHS.indexOf(m[2]!) + 1)}-${pad(+m[1]!)}`);
}

/** The borrower's own words (employer names) are names, not English: they may appear in any text. */
function ownWords(history: HistoryDocument): string[] {
  return [...new Set(history.events.flatMap((e) => (e.type === "profile" && e.employer ? [e.employer] : [])))];
}

function latinWords(text: string, history: HistoryDocument): string[] {
  let rest = text;
  for (const w of ownWords(history)) rest = rest.split(w).join(" ");
  return (rest.match(/[A-Za-z]+/g) ?? []).filter((w) => !ZH_ALLOWED.has(w));
}

const withCurrency = historyArb(70).chain((h) => fc.constantFrom("CNY", "USD").map((currency) => ({ ...h, borrower: { ...h.borrower, currency } })));

function allTexts(history: HistoryDocument, locale: Locale): { text: string; reason?: Reason; drop?: Drop }[] {
  const out = explain(history);
  const opts = { currency: history.borrower.currency };
  const texts: { text: string; reason?: Reason; drop?: Drop }[] = [];
  for (const d of out.drops) {
    texts.push({ text: dropText(d, locale, opts), drop: d });
    for (const r of d.reasons) texts.push({ text: reasonText(r, locale, opts), reason: r });
    for (const s of d.steps) texts.push({ text: stepText(s, locale) });
    if (d.outlook !== undefined) {
      const o = outlookText(d.outlook, locale);
      texts.push({ text: o.text }, { text: o.basisText }, { text: o.caveat });
    }
  }
  if (out.growth) {
    texts.push({ text: growthText(out.growth, locale, opts) });
    for (const b of out.growth.blockers) texts.push({ text: blockerText(b, locale, opts), reason: b as unknown as Reason });
    for (const s of out.growth.steps) texts.push({ text: stepText(s, locale) });
  }
  return texts;
}

describe("texts over generated histories", () => {
  test("no zh text holds a Latin word outside the allow-list, and none shows a raw key", () => {
    fc.assert(
      fc.property(withCurrency, (history) => {
        for (const { text } of allTexts(history, "zh-CN")) {
          expect(text).not.toMatch(/[{}]|core\./);
          expect([text, latinWords(text, history)]).toEqual([text, []]);
        }
      }),
      { numRuns: 120 },
    );
  });

  test.each(["en", "zh-CN"] as const)("every amount carries the history's currency (%s)", (locale) => {
    fc.assert(
      fc.property(withCurrency, (history) => {
        const currency = history.borrower.currency;
        const other = currency === "CNY" ? /US\$/ : locale === "en" ? /¥/ : /元/;
        for (const { text, reason, drop } of allTexts(history, locale)) {
          expect(text).not.toMatch(other);
          for (const [k, v] of Object.entries(reason?.evidence.figures ?? {})) {
            if (MONEY_FIGURES.has(k) && typeof v === "number" && text.includes(String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ","))) {
              expect(text).toContain(formatMoney(v, currency, locale));
            }
          }
          if (drop) expect(text).toContain(formatMoney(drop.previousLimit, currency, locale));
        }
      }),
      { numRuns: 80 },
    );
  });

  test.each(["en", "zh-CN"] as const)("every date in a reason's text is the date of an event in its evidence (%s)", (locale) => {
    fc.assert(
      fc.property(withCurrency, (history) => {
        const dayById = new Map(explainIds(history));
        for (const { text, reason, drop } of allTexts(history, locale)) {
          if (reason) {
            const allowed = new Set(reason.evidence.eventIds.map((id) => dayById.get(id)));
            for (const d of datesIn(text, locale)) expect([reason.code, d, allowed.has(d)]).toEqual([reason.code, d, true]);
          }
          if (drop) {
            const main = [...drop.reasons].sort((a, b) => a.rank - b.rank)[0]!;
            const allowed = new Set([drop.date, drop.restoredOn, ...main.evidence.eventIds.map((id) => dayById.get(id))]);
            for (const d of datesIn(text, locale)) expect([d, allowed.has(d)]).toEqual([d, true]);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

/** Event id -> calendar day, with the ids the core derives for events without one. */
function explainIds(history: HistoryDocument): [string, string][] {
  return normaliseEvents(history.events).map((e) => [e.id, calendarDay(e.event.date)!]);
}
