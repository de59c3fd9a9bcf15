import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getEvent } from "@/lib/data/events";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";

/**
 * The "is this one of your events?" check lives in a layout outside any loading.tsx Suspense
 * boundary (the list's skeleton sits in the (list) route group for that reason): a page inside such
 * a boundary has already started streaming a 200 when it calls notFound(), so only a check before
 * streaming can answer another borrower's id with a real 404. The page repeats the scoped read.
 */
export default async function EventLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  await getEvent(db, { userId: user.id, id: id.slice(0, 100) }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  return children;
}
