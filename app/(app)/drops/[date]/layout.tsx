import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { findDrop } from "@/lib/data/drop-view";
import { db } from "@/lib/db";

/**
 * The "is this one of your drops?" check lives here, above loading.tsx's Suspense boundary: a page
 * inside that boundary has already started streaming a 200 when it calls notFound(), so only a
 * layout can answer a real 404. The page repeats the check (the drop's read is cached per request).
 */
export default async function DropLayout({ children, params }: { children: ReactNode; params: Promise<{ date: string }> }) {
  const user = await requireUser();
  if (!(await findDrop(db, { userId: user.id, date: (await params).date }))) notFound();
  return children;
}
