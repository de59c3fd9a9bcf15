/**
 * The small parts of a workbook the first sheet's text depends on: which part is the first sheet
 * (workbook.xml and its relationships), the 1904 date system, which cell styles are dates
 * (styles.xml) and the shared strings (sharedStrings.xml).
 */
import { parseXml } from "./xml";
import { isDateFormat, NO_DATE_STYLES } from "./cells";

export type WorkbookInfo = { firstSheet: string | null; date1904: boolean };

/** `worksheets/sheet1.xml` relative to xl/, `/xl/worksheets/sheet1.xml` absolute → a zip path. */
export function partPath(target: string, base = "xl/"): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The first sheet in the workbook's own order (not the zip's), and its date system. */
export function readWorkbook(workbookXml: Uint8Array, relsXml: Uint8Array | null): WorkbookInfo {
  let firstId: string | undefined;
  let date1904 = false;
  parseXml(workbookXml, {
    open(name, attrs) {
      if (name === "workbookPr") {
        const v = attrs.get("date1904");
        date1904 = v === "1" || v === "true";
      } else if (name === "sheet" && firstId === undefined) {
        firstId = attrs.get("r:id") ?? attrs.entries().find(([k]) => k.endsWith(":id"))?.[1];
      }
    },
  });
  let firstSheet: string | null = null;
  if (firstId && relsXml) {
    parseXml(relsXml, {
      open(name, attrs) {
        if (name !== "Relationship" || firstSheet) return;
        const target = attrs.get("Target");
        if (attrs.get("Id") === firstId && target) firstSheet = partPath(target);
      },
    });
  }
  return { firstSheet, date1904 };
}

/** For each cell style index (`<c s="…">`), whether its number format shows a date. */
export function readDateStyles(stylesXml: Uint8Array | null): readonly boolean[] {
  if (!stylesXml) return NO_DATE_STYLES;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseXml(stylesXml, {
    open(name, attrs, selfClosing) {
      if (name === "numFmt") {
        custom.set(Number(attrs.get("numFmtId")), attrs.get("formatCode") ?? "");
      } else if (name === "cellXfs") inCellXfs = !selfClosing;
      else if (name === "xf" && inCellXfs) xfs.push(Number(attrs.get("numFmtId") ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfs.map((id) => isDateFormat(id, custom.get(id)));
}

/**
 * The shared strings table: each `<si>` is the text of its `<t>` runs, plain or rich, without
 * the phonetic guide (`<rPh>`) some East Asian files carry beside a string.
 */
export function readSharedStrings(xml: Uint8Array | null, maxStrings: number): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let text: string | null = null;
  let inT = false;
  let inPhonetic = false;
  parseXml(xml, {
    open(name, _a, selfClosing) {
      if (name === "si") text = "";
      else if (name === "t" && !inPhonetic && !selfClosing) inT = true;
      else if (name === "rPh") inPhonetic = !selfClosing;
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") {
        if (out.length >= maxStrings) throw new TooManyStrings();
        out.push(text ?? "");
        text = null;
      }
    },
    text(t) {
      if (inT && text !== null) text += t;
    },
  });
  return out;
}

export class TooManyStrings extends Error {}
