/**
 * The sync API's OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * and type responses, so the description cannot drift from the code. OpenAPI 3.1 schemas are JSON
 * Schema 2020-12, which is what `z.toJSONSchema` emits.
 */
import { z } from "zod";
import { historyDocument } from "@/lib/history/schema";
import { MAX_BODY_BYTES } from "@/lib/errors";
import { dropSchema, errorResponseSchema, explanationResponseSchema, importResultSchema, reasonSchema, stepSchema } from "./schemas";

type Json = Record<string, unknown>;

/** `$schema` and `$id` belong to standalone JSON Schema files, not to OpenAPI components. */
function strip(schema: Json): Json {
  const out = { ...schema };
  delete out.$schema;
  delete out.$id;
  return out;
}

function standalone(schema: z.ZodType, io: "input" | "output"): Json {
  return strip(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json);
}

/**
 * Every named schema. The history document appears twice: as a request body (input: `borrower` may
 * be omitted, its default applies) and as the export (output). It stays strict because imports
 * reject unknown fields; the response schemas are left open (no `additionalProperties: false`)
 * because the explain contract allows new fields, and generated clients must not break on them.
 */
function components(): Json {
  const responses = z.registry<{ id: string }>();
  responses.add(importResultSchema, { id: "ImportResult" });
  responses.add(errorResponseSchema, { id: "Error" });
  responses.add(explanationResponseSchema, { id: "Explanation" });
  responses.add(dropSchema, { id: "Drop" });
  responses.add(reasonSchema, { id: "Reason" });
  responses.add(stepSchema, { id: "Step" });
  const generated = z.toJSONSchema(responses, {
    io: "output",
    uri: (id) => `#/components/schemas/${id}`,
    override: (ctx) => {
      if (ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
    },
  }).schemas;
  const schemas: Json = { HistoryDocumentInput: standalone(historyDocument, "input"), HistoryDocument: standalone(historyDocument, "output") };
  for (const [id, schema] of Object.entries(generated)) {
    schemas[id] = strip(schema as Json);
  }
  return schemas;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonContent = (id: string) => ({ "application/json": { schema: ref(id) } });
const error = (description: string) => ({ description, content: jsonContent("Error") });
const unauthorized = {
  description: "Missing, invalid or revoked token.",
  headers: { "WWW-Authenticate": { schema: { type: "string" }, description: 'Bearer realm="credit-health"' } },
  content: jsonContent("Error"),
};

export function openApiDocument(serverUrl = "/"): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Credit Health sync API",
      version: "1",
      description:
        "Sync a borrower's credit-line history (history-v1) and read the explanations of limit drops. " +
        "Authenticate with a personal API token from Settings → API tokens. Every error has the shape " +
        "`{ error: { code, message, problems? } }`; branch on `code`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/api/v1/history": {
        post: {
          operationId: "importHistory",
          summary: "Merge a history-v1 document into your history",
          description:
            `Events are deduplicated by \`id\` (or a hash of their content): a new id is added, a known id with other content ` +
            `is updated, the same content is unchanged. An invalid document is refused whole (422 with every problem by JSON ` +
            `path) and nothing is stored. At most ${MAX_BODY_BYTES} bytes.`,
          parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }],
          requestBody: { required: true, content: jsonContent("HistoryDocumentInput") },
          responses: {
            "200": {
              description: "Merged (or, with `Idempotent-Replayed: true`, the stored answer to an earlier identical request).",
              headers: { "Idempotent-Replayed": { schema: { type: "string", enum: ["true"] } } },
              content: jsonContent("ImportResult"),
            },
            "400": error("The body is not JSON, or the Idempotency-Key is malformed."),
            "401": unauthorized,
            "409": error("A request with this Idempotency-Key is still in flight; retry after `Retry-After` seconds."),
            "413": error(`The body exceeds ${MAX_BODY_BYTES} bytes.`),
            "422": error("The document is invalid (`validation_failed`, with `problems`), or the Idempotency-Key was used with a different body (`idempotency_key_reused`)."),
            "500": error("Server error; safe to retry with the same Idempotency-Key."),
          },
        },
        get: {
          operationId: "exportHistory",
          summary: "Your whole history as a history-v1 document",
          responses: { "200": { description: "The document.", content: jsonContent("HistoryDocument") }, "401": unauthorized },
        },
      },
      "/api/v1/explanations": {
        get: {
          operationId: "getExplanations",
          summary: "Every limit drop, with ranked reasons and recovery steps",
          parameters: [
            {
              name: "lang",
              in: "query",
              required: false,
              description: "Adds a human-readable `text` to reasons and steps, when available.",
              schema: { type: "string", enum: ["zh", "en"] },
            },
          ],
          responses: {
            "200": { description: "The explanation (drops oldest first).", content: jsonContent("Explanation") },
            "400": error("Unsupported `lang`."),
            "401": unauthorized,
          },
        },
      },
      "/api/v1/openapi.json": {
        get: { operationId: "getOpenApi", summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1" } } },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "chk_<43 base64url characters>", description: "A personal API token." },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Makes a retry safe: the same key with the same body within 24 hours replays the first answer instead of importing again. " +
            "Scoped to the token. Use a fresh random key (e.g. a UUID) per logical request.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      schemas: components(),
    },
  };
}

// Generated once per process: the schemas do not change while it runs.
let document: Json | undefined;

/** The public answer of GET /api/v1/openapi.json: anyone may read it, from any origin, cached briefly. */
export function openApiResponse(): Response {
  document ??= openApiDocument();
  return Response.json(document, { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } });
}
