/**
 * A worksheet's rows, one at a time, from its XML: `<row r>` → `<c r t s>` → `<v>` or `<is>`.
 * Rows keep the number Excel shows; cells keep their column (gaps become ""); blank rows are not
 * passed on. Bounded while it reads: rows counted against a cap, columns cut at a cap, and the
 * clock checked every few hundred rows.
 */
import { cellText, type CellContext } from "./cells";
import { parseXml, StopParse } from "./xml";

export type OnSheetRow = (line: number, cells: string[]) => void;

export type SheetLimits = { maxRows: number; maxColumns: number; deadline: number };

/** Why reading stopped before the end: a limit, not damage. */
export class SheetLimit extends Error {
  constructor(readonly code: "too-many-rows" | "too-slow") {
    super(code);
  }
}

/** `C12` → 3; null when the reference has no column letters. */
export function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > 16_384) return null; // past XFD, Excel's last column
  }
  return i === 0 ? null : col;
}

const CLOCK_EVERY = 256;

/**
 * Calls `onRow` for each non-blank row of `xml`, in order. `stopAfter` ends the read once that
 * many rows were passed on (the header search needs only the top). Throws SheetLimit past a
 * limit, XmlError on damaged XML; anything `onRow` throws ends the read too.
 */
export function eachSheetRow(xml: Uint8Array, ctx: CellContext, limits: SheetLimits, onRow: OnSheetRow, stopAfter = Infinity): void {
  let rowNumber = 0;
  let cells: string[] | null = null;
  let filled = false;
  let column = 0;
  let type: string | undefined;
  let style = 0;
  let v: string | null = null;
  let inline: string | null = null;
  let into: "v" | "t" | null = null;
  let inInline = false;
  let inPhonetic = false;
  let rowsSeen = 0;
  let passed = 0;

  parseXml(xml, {
    open(name, attrs, selfClosing) {
      switch (name) {
        case "row": {
          const r = Number(attrs.get("r"));
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          column = 0;
          if (++rowsSeen > limits.maxRows) throw new SheetLimit("too-many-rows");
          if (rowsSeen % CLOCK_EVERY === 0 && Date.now() > limits.deadline) throw new SheetLimit("too-slow");
          cells = [];
          filled = false;
          if (selfClosing) endRow();
          return;
        }
        case "c": {
          column = columnOf(attrs.get("r")) ?? column + 1;
          type = attrs.get("t");
          const s = attrs.get("s");
          style = s === undefined ? 0 : Number(s);
          v = null;
          inline = null;
          if (selfClosing) endCell();
          return;
        }
        case "v":
          if (!selfClosing) into = "v";
          v ??= "";
          return;
        case "is":
          inInline = !selfClosing;
          inline ??= "";
          return;
        case "rPh":
          inPhonetic = !selfClosing;
          return;
        case "t":
          if (inInline && !inPhonetic && !selfClosing) into = "t";
          return;
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          into = null;
          return;
        case "is":
          inInline = false;
          return;
        case "rPh":
          inPhonetic = false;
          return;
        case "c":
          endCell();
          return;
        case "row":
          endRow();
          return;
      }
    },
    text(t) {
      if (into === "v") v += t;
      else if (into === "t") inline += t;
    },
  });

  function endCell(): void {
    if (!cells || column > limits.maxColumns) return;
    const text = cellText(type, style, v, inline, ctx);
    if (text === null) return;
    while (cells.length < column - 1) cells.push("");
    cells[column - 1] = text;
    if (!filled && text.trim() !== "") filled = true;
  }

  function endRow(): void {
    const row = cells;
    cells = null;
    if (!row || !filled) return;
    onRow(rowNumber, row);
    if (++passed >= stopAfter) throw new StopParse();
  }
}
