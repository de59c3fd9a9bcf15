import "server-only";
import { AppError, MAX_BODY_BYTES, readBodyBytes } from "@/lib/errors";
import { csvMapping, type CsvMappingInput } from "@/lib/history/csv-mapping";
import { formatPath } from "@/lib/history/parse";
import { langOf, type Lang } from "@/lib/history/importers/text";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/config";

/*
 * Request plumbing shared by the cookie-authenticated import routes under /api/app/import.
 * The file travels as the raw request body (not multipart), so its size is counted while it
 * streams in and a 25 MB upload is refused without ever being held in memory whole.
 */

export const MAX_IMPORT_BYTES = MAX_BODY_BYTES; // 20 MB, history-v1.md
export const MAPPING_HEADER = "x-import-mapping";
export const FILE_NAME_HEADER = "x-file-name";
export const PASSWORD_HEADER = "x-import-password";


/** The uploaded file as bytes, refusing more than `max` (Content-Length first, then while streaming). */
export function readFileBody(request: Request, max = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  return readBodyBytes(request, max, `The file is larger than ${Math.round(max / 1024 / 1024)} MB.`);
}

/** The optional column mapping (URI-encoded JSON in a header), validated by the one csvMapping schema. */
export function mappingFrom(request: Request): CsvMappingInput | undefined {
  const raw = request.headers.get(MAPPING_HEADER);
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(raw));
  } catch {
    throw new AppError("bad_request", "The column mapping is not valid JSON.");
  }
  const parsed = csvMapping.safeParse(value);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The column mapping is incomplete.", {
      problems: parsed.error.issues.map((i) => `${formatPath(i.path) || "mapping"}: ${i.message}`),
    });
  }
  return value as CsvMappingInput;
}

export function fileNameFrom(request: Request): string | undefined {
  const raw = request.headers.get(FILE_NAME_HEADER);
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return undefined;
  }
}

/** An encrypted zip's password (URI-encoded in a header, never logged or stored). */
export function passwordFrom(request: Request): string | undefined {
  const raw = request.headers.get(PASSWORD_HEADER);
  if (!raw) return undefined;
  try {
    const password = decodeURIComponent(raw);
    return password.length > 0 && password.length <= 200 ? password : undefined;
  } catch {
    throw new AppError("bad_request", "The password is not valid.");
  }
}

/** The page's language, as the pages pick it (locale cookie, then Accept-Language). */
export function langFrom(request: Request): Lang {
  const cookie = request.headers.get("cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie);
  return langOf(resolveLocale(m ? decodeURIComponent(m[1]!) : undefined, request.headers.get("accept-language")));
}

/**
 * Everything an import route reads from its request: the mapping header first (a bad one is
 * refused before the body is read), the zip password and the page's language, then the file.
 */
export async function readUpload(request: Request): Promise<{ bytes: Uint8Array; mapping?: CsvMappingInput; password?: string; lang: Lang; fileName?: string }> {
  const mapping = mappingFrom(request);
  const password = passwordFrom(request);
  const bytes = await readFileBody(request);
  return { bytes, mapping, password, lang: langFrom(request), fileName: fileNameFrom(request) };
}
