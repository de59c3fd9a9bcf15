import { MAX_SCREENSHOT_BYTES, sniffImage } from "@/lib/screenshots/sniff";
import type { LocalRefusal } from "./flow-state";

/** The browser's own check before sending: the bytes' type and the size (the server checks again). */
export async function localRefusal(file: File): Promise<LocalRefusal | undefined> {
  const kind = sniffImage(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (kind === "heic") return "heic";
  if (kind === "unknown") return "type";
  if (file.size > MAX_SCREENSHOT_BYTES) return "size";
  return undefined;
}
