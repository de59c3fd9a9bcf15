/**
 * What the import page's file picker offers: every extension and media type an importer reads
 * (bill zips, XLSX, CSV, JSON). Kept apart from the registry so the browser bundle stays small.
 */
export const ACCEPTED_FILES = [
  ".zip",
  ".csv",
  ".txt",
  ".xlsx",
  ".json",
  "application/zip",
  "application/x-zip-compressed",
  "text/csv",
  "application/json",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
].join(",");
