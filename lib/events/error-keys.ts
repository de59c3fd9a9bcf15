/**
 * The schema speaks English ("must be a positive number"); the forms speak zh and en. This maps
 * each message the schema (and parseHistory) can produce to a translation key with its values;
 * anything unknown falls back to "invalid", never to raw English in the Chinese UI.
 */
export type ErrorKey = { key: string; values?: Record<string, string> };

const RULES: [RegExp, (m: RegExpExecArray) => ErrorKey][] = [
  [/^must not be empty/, () => ({ key: "required" })],
  [/^must be a non-negative number/, () => ({ key: "nonNegative" })],
  [/^must be a positive number/, () => ({ key: "positive" })],
  [/^must be a number/, () => ({ key: "number" })],
  [/^must have at most two decimals/, () => ({ key: "decimals" })],
  [/^must be a whole number/, () => ({ key: "whole" })],
  [/^must be below ([\d,]+)/, (m) => ({ key: "below", values: { n: m[1]! } })],
  [/^must be at least (\d+)/, (m) => ({ key: "min", values: { n: m[1]! } })],
  [/^must be at most (\d+) characters/, (m) => ({ key: "maxChars", values: { n: m[1]! } })],
  [/expected number to be >=?(\d+)/, (m) => ({ key: "min", values: { n: m[1]! } })],
  [/expected number to be <=?(\d+)/, (m) => ({ key: "max", values: { n: m[1]! } })],
  [/^must be a (real )?date/, () => ({ key: "date" })],
  [/score scale (\d+)–(\d+)/, (m) => ({ key: "scoreScale", values: { min: m[1]!, max: m[2]! } })],
  [/is in the future/, () => ({ key: "future" })],
  [/^Invalid option/i, () => ({ key: "choose" })],
];

export function errorMessageKey(message: string): ErrorKey {
  for (const [re, f] of RULES) {
    const m = re.exec(message);
    if (m) return f(m);
  }
  return { key: "invalid" };
}
