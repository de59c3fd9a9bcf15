/** Utilisation and debt-burden reasons (seeds 000, 002, 003, 004). */
import { dayString, rangeIn, round } from "../days";
import { highUtilizationDays, lastAtOrBefore } from "../timeline";
import { THRESHOLDS as T } from "../thresholds";
import type { Figures } from "../types";
import { result, windowStart, type Rule } from "./rule";

/**
 * HIGH_UTILIZATION: main-product balance at or above 80% of the limit on 30+ days of the window.
 * Days before the evaluated day only: a drop's own lower limit must not make its utilisation look high.
 */
export const highUtilization: Rule = ({ t, day }) => {
  const b = t.balance;
  const from = windowStart(day) + 1;
  const to = day - 1;
  const highDays = highUtilizationDays(b, from, to);
  let peak = 0;
  let firstHigh = -1;
  let lastHigh = -1;
  if (highDays > 0) {
    for (let i = Math.max(0, lastAtOrBefore(b.days, from)); i < b.days.length && b.days[i]! <= to; i++) {
      const lim = b.limit[i];
      if (lim) peak = Math.max(peak, b.balance[i]! / lim);
      if (b.high[i]) {
        if (firstHigh < 0) firstHigh = Math.max(from, b.days[i]!);
        lastHigh = Math.min(to, (b.days[i + 1] ?? to + 1) - 1);
      }
    }
  }
  const ids: string[] = [];
  const m = t.mainBorrows;
  const [lo, hi] = rangeIn(m.days, from - 1, to);
  for (let i = lo; i < hi && highDays > 0; i++) {
    const seg = lastAtOrBefore(b.days, m.days[i]!);
    if (seg >= 0 && b.high[seg]) ids.push(m.ids[i]!);
  }
  const figures: Figures = highDays
    ? { highUtilizationDays: highDays, peakUtilizationPct: Math.round(peak * 100), firstDate: dayString(firstHigh), lastDate: dayString(lastHigh) }
    : {};
  return result("HIGH_UTILIZATION", [{ metric: "highUtilizationDays", value: highDays, threshold: T.highUtilizationDays, direction: "atLeast" }], ids, figures);
};

/** HIGH_DEBT_BURDEN: main-product balance above 6 months of the income on file. */
export const highDebtBurden: Rule = ({ t, day }) => {
  const p = lastAtOrBefore(t.profiles.days, day);
  const income = p >= 0 ? t.profiles.states[p]!.monthlyIncome : undefined;
  if (income === undefined) return result("HIGH_DEBT_BURDEN", [], [], {});
  const seg = lastAtOrBefore(t.balance.days, day);
  const balance = seg >= 0 ? t.balance.balance[seg]! : 0;
  // Income 0 with a balance is an unbounded ratio; cap it so the figure stays printable JSON.
  const months = income > 0 ? balance / income : balance > 0 ? 999 : 0;
  const inc = lastAtOrBefore(t.incomeReports.days, day);
  const last = lastAtOrBefore(t.mainBorrows.days, day);
  const ids = [inc >= 0 ? t.incomeReports.ids[inc]! : t.profiles.ids[p]!];
  if (last >= 0 && t.mainBorrows.days[last]! > windowStart(day)) ids.push(t.mainBorrows.ids[last]!);
  return result("HIGH_DEBT_BURDEN", [{ metric: "debtIncomeMonths", value: round(Math.min(months, 999), 2), threshold: T.debtIncomeMonths, direction: "above" }], ids, {
    balance: round(balance, 2),
    monthlyIncome: income,
    debtIncomeMonths: round(Math.min(months, 999), 1),
  });
};
