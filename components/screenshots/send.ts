/**
 * Sends one screenshot as the raw body with upload progress (XMLHttpRequest: fetch cannot report
 * it), and the file's lastModified, the date of last resort when the page prints none.
 */
import type { ErrorBody } from "@/lib/errors";

export type SendResult<T> = { ok: true; body: T } | { ok: false; status: number; error: ErrorBody["error"] };

export function sendScreenshot<T>(file: Blob & { lastModified?: number }, handlers: { onProgress: (f: number) => void; onUploaded: () => void }): Promise<SendResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/app/screenshots/read");
    xhr.setRequestHeader("content-type", "application/octet-stream");
    if (file.lastModified) xhr.setRequestHeader("x-last-modified", String(Math.round(file.lastModified)));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) handlers.onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => handlers.onUploaded();
    xhr.responseType = "json";
    xhr.onload = () => {
      const body = xhr.response as unknown;
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, body: body as T });
      else resolve({ ok: false, status: xhr.status, error: (body as ErrorBody | null)?.error ?? { code: "internal", message: `HTTP ${xhr.status}` } });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, error: { code: "internal", message: "network" } });
    xhr.send(file);
  });
}
