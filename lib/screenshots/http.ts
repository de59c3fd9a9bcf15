import "server-only";
import { AppError, readBodyBytes, readJsonBody } from "@/lib/errors";
import { formatPath } from "@/lib/history/parse";
import { run } from "@/lib/workers/pool";
import { MAX_SCREENSHOT_BYTES, sniffImage } from "./sniff";
import type { ReadScreenshotResult } from "./task";
import { saveScreenshots, type SaveScreenshotsInput } from "./validation";

export const LAST_MODIFIED_HEADER = "x-last-modified";

export type ScreenshotReadResponse = ReadScreenshotResult;

/**
 * One uploaded screenshot (the raw request body) → what it says, read on a worker thread. The
 * bytes are checked for what they are (never the name or the browser's type), held in memory
 * for the read and dropped; nothing is logged.
 */
export async function readUploadedScreenshot(request: Request): Promise<ScreenshotReadResponse> {
  const bytes = await readBodyBytes(request, MAX_SCREENSHOT_BYTES, "The screenshot is larger than 10 MB.");
  const kind = sniffImage(bytes.subarray(0, 16));
  if (kind === "heic") {
    throw new AppError("validation_failed", "HEIC images cannot be read. On an iPhone set Settings → Camera → Formats → Most Compatible, or share the screenshot as a JPEG.");
  }
  if (kind === "unknown") throw new AppError("validation_failed", "Only PNG, JPEG and WebP screenshots can be read.");
  const raw = request.headers.get(LAST_MODIFIED_HEADER);
  const lastModified = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  try {
    return await run("screenshot.read", { bytes, lastModified }, { signal: request.signal });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (request.signal.aborted) throw new AppError("bad_request", "The upload was cancelled.");
    throw new AppError("validation_failed", "This file could not be read as an image.", { cause: err });
  }
}

/** The confirmed observations (JSON body), parsed by the one schema; problems listed by path. */
export async function readSaveRequest(request: Request): Promise<SaveScreenshotsInput> {
  const { value } = await readJsonBody(request, 256 * 1024);
  const parsed = saveScreenshots.safeParse(value);
  if (!parsed.success) {
    throw new AppError("validation_failed", "Some values cannot be saved.", {
      problems: parsed.error.issues.map((i) => `${formatPath(i.path) || "body"}: ${i.message}`),
    });
  }
  return parsed.data;
}
