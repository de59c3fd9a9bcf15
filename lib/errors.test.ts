import { describe, expect, it, vi } from "vitest";
import { AppError, ERROR_STATUS, readJsonBody, toErrorResponse } from "./errors";

/** A body delivered in chunks with no Content-Length, as a chunked upload arrives. */
function streamOf(chunk: Uint8Array, times: number, pulled: { n: number }) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i++ >= times) return controller.close();
      pulled.n++;
      controller.enqueue(chunk);
    },
  });
}

describe("toErrorResponse", () => {
  it.each(Object.entries(ERROR_STATUS))("maps %s to %i", async (code, status) => {
    const res = toErrorResponse(new AppError(code as keyof typeof ERROR_STATUS, "msg"));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: "msg" } });
  });

  it("passes problems and headers through", async () => {
    const res = toErrorResponse(new AppError("unauthorized", "no", { headers: { "WWW-Authenticate": "Bearer" }, problems: ["a: b"] }));
    expect(res.headers.get("WWW-Authenticate")).toBe("Bearer");
    expect((await res.json()).error.problems).toEqual(["a: b"]);
  });

  it("hides unknown errors behind a generic 500 and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toErrorResponse(new Error("password=hunter2 at db.ts:12"));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text).error.code).toBe("internal");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

describe("readJsonBody", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

  it("parses JSON and returns the exact bytes", async () => {
    const { value, bytes } = await readJsonBody(post('{"a":[1,2]}'));
    expect(value).toEqual({ a: [1, 2] });
    expect(new TextDecoder().decode(bytes)).toBe('{"a":[1,2]}');
  });

  it.each([["{not json"], [""], ["   "]])("refuses %j with 400 invalid_json", async (body) => {
    await expect(readJsonBody(post(body))).rejects.toMatchObject({ code: "invalid_json", status: 400 });
  });

  it("refuses invalid UTF-8 with 400", async () => {
    await expect(readJsonBody(post(new Uint8Array([0x22, 0xff, 0x22])))).rejects.toMatchObject({ code: "invalid_json" });
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const pulled = { n: 0 };
    const req = post(streamOf(new Uint8Array(10), 5, pulled), { "content-length": "101" });
    await expect(readJsonBody(req, 100)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(pulled.n).toBeLessThanOrEqual(1);
  });

  it("counts streamed bytes when there is no Content-Length and stops at the limit", async () => {
    const pulled = { n: 0 };
    // 1000 chunks of 1 KiB offered; the limit is 10 KiB, so reading must stop after about 11.
    const req = post(streamOf(new Uint8Array(1024).fill(0x20), 1000, pulled));
    await expect(readJsonBody(req, 10 * 1024)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled.n).toBeLessThan(15);
  });

  it("accepts a body of exactly the limit", async () => {
    const body = `"${"x".repeat(98)}"`;
    expect((await readJsonBody(post(body), 100)).value).toHaveLength(98);
  });
});
