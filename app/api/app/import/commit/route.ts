import { revalidatePath } from "next/cache";
import { sessionRoute } from "@/lib/auth/guards";
import { commitImport } from "@/lib/data/imports";
import { readUpload } from "@/lib/import/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export type { ImportOutcome } from "@/lib/data/imports";

// POST /api/app/import/commit — import the uploaded file (raw body) in one transaction, or nothing (422 with problems)
export const POST = sessionRoute(async ({ db, user, request, ip }) => {
  const outcome = await commitImport(db, { userId: user.id, ...(await readUpload(request)), ip });
  revalidatePath("/", "layout"); // the explanation is computed from the stored events on render: drop every cached view of them
  return Response.json(outcome);
}, { work: "import" });
