/**
 * The image's own dates, the fallback when a page prints none: EXIF DateTimeOriginal (a JPEG from
 * a camera app or a gallery's export), else the file's lastModified as the browser sent it. Both
 * become the Asia/Shanghai calendar day the borrower saw.
 */
import exifr from "exifr";
import { calendarDay } from "@/lib/history/schema";
import type { ImageDates } from "./read";

/** `2026:09:03 10:11:12` is the photographer's local time: its date part is the day. */
export async function exifDay(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const tags = (await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      pick: ["DateTimeOriginal", "CreateDate"],
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
    const raw = tags?.DateTimeOriginal ?? tags?.CreateDate;
    if (typeof raw !== "string") return undefined;
    const m = /^(\d{4}):(\d{2}):(\d{2})/.exec(raw);
    const day = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
    return day && calendarDay(day) ? day : undefined;
  } catch {
    // No EXIF block, or a damaged one: the other dates still apply.
    return undefined;
  }
}

/** Epoch milliseconds → the Asia/Shanghai calendar day; nothing for an absent or absurd time. */
export function fileDay(lastModified: number | undefined, now = Date.now()): string | undefined {
  if (lastModified === undefined || !Number.isFinite(lastModified) || lastModified <= 0 || lastModified > now + 86_400_000) return undefined;
  return calendarDay(new Date(lastModified).toISOString()) ?? undefined;
}

export async function imageDates(bytes: Uint8Array, lastModified?: number): Promise<ImageDates> {
  const exif = await exifDay(bytes);
  const file = fileDay(lastModified);
  return { ...(exif ? { exif } : {}), ...(file ? { file } : {}) };
}
