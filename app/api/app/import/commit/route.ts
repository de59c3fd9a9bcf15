import { revalidatePath } from "next/cache";
import { commitImport, type ImportOutcome } from "@/lib/data/imports";
import { requireUserOrNull, unauthorized } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { toErrorResponse } from "@/lib/errors";
import { clientIp } from "@/lib/api/handler";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { fileNameFrom, mappingFrom, readFileBody } from "@/lib/import/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export type { ImportOutcome };

// POST /api/app/import/commit — import the uploaded file (raw body) in one transaction, or nothing (422 with problems)
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const user = await requireUserOrNull();
    if (!user) return unauthorized();
    const mapping = mappingFrom(request);
    const bytes = await readFileBody(request);
    const outcome: ImportOutcome = await commitImport(db, { userId: user.id, bytes, mapping, fileName: fileNameFrom(request), ip: clientIp(request) });
    // The explanation is computed from the stored events on render: drop every cached view of them.
    revalidatePath("/", "layout");
    return Response.json(outcome);
  } catch (err) {
    return toErrorResponse(err);
  }
}
