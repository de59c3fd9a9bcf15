/**
 * Reading the zip a bill arrives in (more-bills.md): ZipCrypto or AES with the borrower's
 * password, only CSV/XLSX entries, bounded before and while inflating. Mechanism only: what to
 * tell the borrower is decided by the caller from `code` and the entry names.
 */
import { configure, ERR_ENCRYPTED, ERR_INVALID_PASSWORD, ERR_INVALID_UNCOMPRESSED_SIZE, Uint8ArrayReader, ZipReader, type Entry, type FileEntry } from "@zip.js/zip.js";
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from "./bounds";

// Node has CompressionStream; web workers would only add start-up time for one small entry.
configure({ useWebWorkers: false });

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

export type TableKind = "csv" | "xlsx";
export type UnzippedTable = { name: string; kind: TableKind; bytes: Uint8Array };

export type ZipFailure =
  | "needs-password" // encrypted and no password given
  | "wrong-password"
  | "no-table" // no .csv/.xlsx inside
  | "several-tables"
  | "too-large" // declared or actual expansion beyond the bound (zip bomb)
  | "corrupt";

export type ZipRead =
  | { ok: true; table: UnzippedTable; encrypted: boolean; names: string[] }
  | { ok: false; code: ZipFailure; names: string[]; encrypted: boolean };

export function tableKindOf(name: string): TableKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return null;
}

class TooLarge extends Error {}

/** A writer that refuses to grow past `max` bytes, whatever the entry's header declared. */
function cappedWriter(max: number) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.length;
      if (size > max) throw new TooLarge();
      chunks.push(chunk);
    },
  });
  const bytes = () => {
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  };
  return { stream, bytes };
}

/** Our cap, or zip.js finding more data than the entry declared: a bomb either way. */
function isTooLarge(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof TooLarge || (e as Error).message === ERR_INVALID_UNCOMPRESSED_SIZE) return true;
  }
  return false;
}

/** The entries of a zip, without inflating any (the central directory only). */
export async function listZip(bytes: Uint8Array): Promise<Entry[] | null> {
  try {
    return await new ZipReader(new Uint8ArrayReader(bytes)).getEntries();
  } catch {
    return null;
  }
}

/**
 * Inflates every entry of a zip (e.g. the parts of an XLSX) into memory, refusing before
 * expansion when the declared sizes exceed `max` and while inflating when the data does.
 */
export async function unzipAll(bytes: Uint8Array, max: number): Promise<{ ok: true; files: Map<string, Uint8Array> } | { ok: false; code: ZipFailure }> {
  const entries = await listZip(bytes);
  if (!entries) return { ok: false, code: "corrupt" };
  const files = entries.filter((e): e is FileEntry => !e.directory);
  if (files.length > MAX_ZIP_ENTRIES || files.reduce((n, e) => n + e.uncompressedSize, 0) > max) return { ok: false, code: "too-large" };
  if (files.some((e) => e.encrypted)) return { ok: false, code: "needs-password" };
  const out = new Map<string, Uint8Array>();
  let left = max;
  for (const e of files) {
    const w = cappedWriter(left);
    try {
      await e.getData(w.stream);
    } catch (err) {
      return { ok: false, code: isTooLarge(err) ? "too-large" : "corrupt" };
    }
    const data = w.bytes();
    left -= data.length;
    out.set(e.filename, data);
  }
  return { ok: true, files: out };
}

/**
 * Opens a bill's zip: exactly one CSV/XLSX entry is read, with `password` when it is encrypted.
 * Never throws. Invariant: at most MAX_UNZIPPED_BYTES are ever inflated into memory.
 */
export async function readBillZip(bytes: Uint8Array, password?: string): Promise<ZipRead> {
  const entries = await listZip(bytes);
  if (!entries) return { ok: false, code: "corrupt", names: [], encrypted: false };
  const files = entries.filter((e): e is FileEntry => !e.directory);
  const names = files.map((e) => e.filename);
  const tables = files.filter((e) => tableKindOf(e.filename) !== null);
  const encrypted = tables.some((e) => e.encrypted);
  const fail = (code: ZipFailure): ZipRead => ({ ok: false, code, names, encrypted });
  if (files.length > MAX_ZIP_ENTRIES) return fail("too-large");
  if (tables.length === 0) return fail("no-table");
  if (tables.length > 1) return fail("several-tables");
  const entry = tables[0]!;
  // Refused before expansion: the declared size. zip.js also refuses data longer than declared.
  if (entry.uncompressedSize > MAX_UNZIPPED_BYTES) return fail("too-large");
  if (entry.encrypted && !password) return fail("needs-password");
  const w = cappedWriter(MAX_UNZIPPED_BYTES);
  try {
    await entry.getData(w.stream, entry.encrypted ? { password } : {});
  } catch (err) {
    if (isTooLarge(err)) return fail("too-large");
    const message = (err as Error).message;
    if (message === ERR_INVALID_PASSWORD) return fail("wrong-password");
    if (message === ERR_ENCRYPTED) return fail("needs-password");
    return fail("corrupt");
  }
  return { ok: true, table: { name: entry.filename, kind: tableKindOf(entry.filename)!, bytes: w.bytes() }, encrypted, names };
}
