/**
 * Reading the zip a bill arrives in (more-bills.md): ZipCrypto or AES with the borrower's
 * password, only CSV/XLSX entries, bounded before and while inflating. Mechanism only: what to
 * tell the borrower is decided by the caller from `code` and the entry names.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { configure, ERR_ENCRYPTED, ERR_INVALID_PASSWORD, ERR_INVALID_UNCOMPRESSED_SIZE, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, type Entry, type FileEntry } from "@zip.js/zip.js";
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from "./bounds";

// Node has CompressionStream; web workers would only add start-up time for one small entry.
configure({ useWebWorkers: false });

const STORED = 0;
const DEFLATED = 8;

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
class Damaged extends Error {}

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

/**
 * One entry's content, at most `max` bytes. zip.js reads the entry (and decrypts it with
 * `password`) but hands over the deflated bytes as they are, which node's zlib inflates in one
 * call with its own output cap: several times faster than inflating through web streams, and a
 * bomb stops at `max` inside zlib. A size other than the declared one, or (unencrypted) a wrong
 * CRC, is damage. Other compression methods (rare) go through zip.js, capped the same way.
 */
async function inflateEntry(e: FileEntry, max: number, password?: string): Promise<Uint8Array> {
  if (e.uncompressedSize > max) throw new TooLarge();
  const auth = e.encrypted ? { password } : {};
  if (e.compressionMethod !== STORED && e.compressionMethod !== DEFLATED) {
    const w = cappedWriter(max);
    await e.getData(w.stream, auth);
    return w.bytes();
  }
  const raw = await e.getData(new Uint8ArrayWriter(), { ...auth, passThrough: e.encrypted ? "compressed" : true });
  let data: Uint8Array = raw;
  if (e.compressionMethod === DEFLATED) {
    try {
      // One output piece of the declared size (already within budget): no concatenation after.
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, max), chunkSize: Math.max(64, Math.min(e.uncompressedSize + 1, max)) });
    } catch (err) {
      throw (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? new TooLarge() : new Damaged();
    }
  }
  if (data.length > e.uncompressedSize) throw new TooLarge(); // the header lied about its size
  if (data.length < e.uncompressedSize || (!e.encrypted && crc32(data) !== (e.signature ?? 0) >>> 0)) throw new Damaged();
  return data;
}

/** The entries of a zip, without inflating any (the central directory only). */
export async function listZip(bytes: Uint8Array): Promise<Entry[] | null> {
  try {
    return await new ZipReader(new Uint8ArrayReader(bytes)).getEntries();
  } catch {
    return null;
  }
}

export type ZipParts = {
  names: string[];
  /** One entry's inflated bytes (at most `cap` of the budget); null when there is no such entry. */
  read(name: string, cap?: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; code: ZipFailure } | null>;
};

/**
 * Opens a zip of parts (an XLSX) to inflate the entries a caller asks for, one budget for all:
 * refused before expansion when the declared sizes of all entries exceed `max`, and while
 * inflating when the data does (a header may lie about its size).
 */
export async function openZipParts(bytes: Uint8Array, max: number): Promise<{ ok: true; parts: ZipParts } | { ok: false; code: ZipFailure }> {
  const entries = await listZip(bytes);
  if (!entries) return { ok: false, code: "corrupt" };
  const files = entries.filter((e): e is FileEntry => !e.directory);
  if (files.length > MAX_ZIP_ENTRIES || files.reduce((n, e) => n + e.uncompressedSize, 0) > max) return { ok: false, code: "too-large" };
  if (files.some((e) => e.encrypted)) return { ok: false, code: "needs-password" };
  const byName = new Map(files.map((e) => [e.filename, e]));
  let left = max;
  return {
    ok: true,
    parts: {
      names: files.map((e) => e.filename),
      async read(name, cap = Infinity) {
        const e = byName.get(name);
        if (!e) return null;
        try {
          const bytes = await inflateEntry(e, Math.min(left, cap));
          left -= bytes.length;
          return { ok: true, bytes };
        } catch (err) {
          return { ok: false, code: isTooLarge(err) ? "too-large" : "corrupt" };
        }
      },
    },
  };
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
  // Refused before expansion: the declared size; inflateEntry also refuses data longer than declared.
  if (entry.uncompressedSize > MAX_UNZIPPED_BYTES) return fail("too-large");
  if (entry.encrypted && !password) return fail("needs-password");
  let table: Uint8Array;
  try {
    table = await inflateEntry(entry, MAX_UNZIPPED_BYTES, password);
  } catch (err) {
    if (isTooLarge(err)) return fail("too-large");
    const message = (err as Error).message;
    if (message === ERR_INVALID_PASSWORD) return fail("wrong-password");
    if (message === ERR_ENCRYPTED) return fail("needs-password");
    return fail("corrupt");
  }
  return { ok: true, table: { name: entry.filename, kind: tableKindOf(entry.filename)!, bytes: table }, encrypted, names };
}
