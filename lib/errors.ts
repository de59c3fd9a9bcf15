/**
 * One error type for everything the app refuses on purpose, and the one table that maps its
 * codes to HTTP statuses. Route handlers end in `toErrorResponse(err)`; pages and server actions
 * read `err.code` and show their own translated message.
 */

/** Every code the app raises, with its HTTP status. Add a code here, nowhere else. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  invalid_idempotency_key: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  idempotency_in_flight: 409,
  payload_too_large: 413,
  validation_failed: 422,
  idempotency_key_reused: 422,
  too_many_requests: 429,
  internal: 500,
  busy: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type AppErrorOptions = {
  /** Validation problems, each `json.path: message`, shown to the caller as `problems`. */
  problems?: string[];
  /** Extra response headers, e.g. WWW-Authenticate on 401 or Retry-After on 409. */
  headers?: Record<string, string>;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems?: string[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.problems = options.problems;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** The JSON body of every error response: `{ error: { code, message, problems? } }`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; problems?: string[] } };

export function errorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.problems ? { problems: err.problems } : {}) } };
}

/**
 * Known errors become their status and JSON body. Anything else is a bug or an outage: it is
 * logged here with its stack, and the caller gets a generic 500 that reveals nothing internal.
 */
export function toErrorResponse(err: unknown): Response {
  if (isAppError(err)) {
    return Response.json(errorBody(err), { status: err.status, headers: err.headers });
  }
  console.error("Unhandled error in route handler", err);
  const body: ErrorBody = { error: { code: "internal", message: "Something went wrong on our side. Please try again later." } };
  return Response.json(body, { status: 500 });
}

/** The sync API's upload limit (history-v1.md: "the size limit for one upload is 20 MB"). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export type ReadBody = { bytes: Uint8Array; value: unknown };

/**
 * Reads and parses a JSON request body, refusing more than `maxBytes`. The declared
 * Content-Length is checked first (cheap refusal), and the bytes are counted while streaming,
 * because a chunked body has no Content-Length and a client may lie about it: at most
 * `maxBytes` (plus the one chunk that crosses the line) is ever held in memory.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<ReadBody> {
  const bytes = await readBodyBytes(request, maxBytes, `The request body must be at most ${maxBytes} bytes.`);
  const json = parseJsonBytes(bytes);
  if (!json.ok) throw new AppError("invalid_json", json.message);
  return { bytes, value: json.value };
}

/**
 * A request body's bytes as JSON, with the sync API's message for each way they can be wrong.
 * Returns instead of throwing, so a worker thread can run it (lib/db/prepared-history.ts).
 */
export function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "The request body is not valid UTF-8." };
  }
  if (text.trim() === "") return { ok: false, message: "The request body is empty; expected a JSON document." };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `The request body is not valid JSON: ${(err as Error).message}` };
  }
}

/**
 * The request body as bytes, refusing more than `maxBytes` with a 413 saying `tooLargeMessage`:
 * Content-Length first (a cheap refusal), then counted while streaming (a chunked body has none,
 * and a client may lie), so at most `maxBytes` plus one chunk is ever held in memory.
 */
export async function readBodyBytes(request: Request, maxBytes: number, tooLargeMessage: string): Promise<Uint8Array> {
  const tooLarge = () => new AppError("payload_too_large", tooLargeMessage);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    // Release the connection's body without reading it.
    await request.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
