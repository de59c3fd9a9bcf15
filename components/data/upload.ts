/**
 * XMLHttpRequest rather than fetch: fetch cannot report upload progress, and a 20 MB bill on a
 * phone connection takes long enough that the borrower needs to see it moving.
 */
import type { ErrorBody } from "@/lib/errors";

export type UploadResult<T> = { ok: true; body: T } | { ok: false; status: number; error: ErrorBody["error"] };

export function uploadFile<T>(
  url: string,
  file: Blob,
  options: { fileName?: string; mapping?: unknown; password?: string; onProgress?: (fraction: number) => void; onUploaded?: () => void },
): Promise<UploadResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    if (options.fileName) xhr.setRequestHeader("x-file-name", encodeURIComponent(options.fileName));
    if (options.password) xhr.setRequestHeader("x-import-password", encodeURIComponent(options.password));
    if (options.mapping) xhr.setRequestHeader("x-import-mapping", encodeURIComponent(JSON.stringify(options.mapping)));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => options.onUploaded?.();
    xhr.responseType = "json";
    xhr.onload = () => {
      const body = xhr.response as unknown;
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, body: body as T });
      else {
        const err = (body as ErrorBody | null)?.error ?? { code: "internal" as const, message: `HTTP ${xhr.status}` };
        resolve({ ok: false, status: xhr.status, error: err });
      }
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, error: { code: "internal", message: "network" } });
    xhr.send(file);
  });
}
