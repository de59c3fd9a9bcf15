/**
 * The worker task that reads one screenshot: the image's own dates, OCR, then readScreenshot.
 * Runs inside a worker thread (lib/workers); the bytes live only in this call's memory.
 */
import { recognize } from "./engine";
import { imageDates } from "./image-dates";
import { readScreenshot, type ScreenshotReading } from "./read";

export type ReadScreenshotPayload = { bytes: Uint8Array; lastModified?: number };
export type ReadScreenshotResult = ScreenshotReading & { lineConfidences: number[]; ms: number };

export async function readScreenshotTask({ bytes, lastModified }: ReadScreenshotPayload): Promise<ReadScreenshotResult> {
  const started = performance.now();
  const [dates, lines] = await Promise.all([imageDates(bytes, lastModified), recognize(bytes)]);
  const reading = readScreenshot(lines, dates);
  const kept = lines.filter((l) => l.text.trim() !== "");
  return { ...reading, lineConfidences: kept.map((l) => l.confidence), ms: Math.round(performance.now() - started) };
}
