import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "@/lib/errors";
import { openApiDocument, openApiResponse } from "./openapi";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every `$ref` in the document, so a dangling one fails the test. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  const doc = openApiDocument() as Json;

  it("is OpenAPI 3.1 with bearer auth on everything but itself", async () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths["/api/v1/openapi.json"].get.security).toEqual([]);
    const res = openApiResponse();
    expect(res.status).toBe(200);
    expect((await res.json()).openapi).toBe("3.1.0");
  });

  it("resolves every $ref", () => {
    for (const ref of refs(doc)) {
      const target = ref.replace(/^#\//, "").split("/").reduce<Json | undefined>((n, part) => n?.[part], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("describes the history body from the one zod schema, strict as the importer is", () => {
    const body = doc.components.schemas.HistoryDocumentInput;
    expect(body.required).toEqual(expect.arrayContaining(["format", "version", "events"]));
    expect(body.required).not.toContain("borrower");
    expect(body.additionalProperties).toBe(false);
    const types = body.properties.events.items.oneOf.map((e: Json) => e.properties.type.const);
    expect(types).toEqual(["profile", "notice", "account", "inquiry", "asset", "activity", "borrow", "repayment", "overdue", "score", "limit"]);
    expect(doc.components.schemas.HistoryDocument.required).toContain("borrower");
  });

  it("documents the Idempotency-Key header, error codes and responses", () => {
    const post = doc.paths["/api/v1/history"].post;
    expect(post.parameters).toEqual([{ $ref: "#/components/parameters/IdempotencyKey" }]);
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header" });
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "409", "413", "422"]));
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(Object.keys(ERROR_STATUS));
    // Response objects stay open: the explain contract lets fields be added.
    expect(doc.components.schemas.Drop.additionalProperties).toBeUndefined();
    expect(doc.components.schemas.Reason.properties.code.enum).toContain("CREDIT_INQUIRIES");
  });
});
