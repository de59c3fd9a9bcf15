/**
 * A first look at server-action requests (POST with a `Next-Action` header) in the proxy, before
 * Next decodes them. Next answers a body it cannot decode, or one over its 1 MB action limit, with
 * a 500 and an error digest: the delete-account action answered 500 to an empty body, a body that
 * is not React's encoding, a form whose parts do not parse, and a 2 MB password. Those are the
 * client's mistakes, so they get a clear 4xx in the app's error shape instead; anything that
 * passes is decoded by Next and then parsed by the action's own zod schema as before.
 * No "server-only": the proxy imports it.
 */
import { AppError, toErrorResponse } from "@/lib/errors";

/** Next's default `serverActions.bodySizeLimit` (next.config.js sets none): keep the two in step. */
export const MAX_ACTION_BYTES = 1024 * 1024;

const refuse = (code: "bad_request" | "payload_too_large", message: string) => toErrorResponse(new AppError(code, message));

export async function checkActionRequest(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.get("next-action")) return null;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > MAX_ACTION_BYTES) return refuse("payload_too_large", "The form is larger than 1 MB.");
  // Lower-cased for the comparison only: a multipart boundary is case-sensitive.
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.toLowerCase();
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > MAX_ACTION_BYTES) return refuse("payload_too_large", "The form is larger than 1 MB.");
  if (body.byteLength === 0) return refuse("bad_request", "The form arrived empty.");
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
    const parsed = await new Response(body, { headers: { "content-type": contentType } }).formData().then(
      (form) => form,
      () => null,
    );
    return parsed ? null : refuse("bad_request", "The form could not be read.");
  }
  // React sends arguments without files as JSON text.
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    return null;
  } catch {
    return refuse("bad_request", "The form could not be read.");
  }
}
