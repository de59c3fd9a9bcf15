import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Drop } from "@/lib/core";
import { calendarDay } from "@/lib/history/schema";
import { buildDropZoom } from "@/lib/timeline/build";
import type { DropZoom } from "@/lib/timeline/types";
import { loadExplained } from "./explained";
import type { Explained } from "./explanation-cache";

/** A drop's URL segment: a real calendar day, nothing else reaches the database. */
export const dropDateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => calendarDay(v) === v);

export interface DropView extends Explained {
  drop: Drop;
  zoom: DropZoom;
  /** The drop's position among the user's drops, oldest first (for "drop 2 of 3"). */
  index: number;
}

/** One of the signed-in user's drops, or null when `date` is not one of them (the page answers 404). */
export async function getDropView(db: PrismaClient, options: { userId: string; date: string }): Promise<DropView | null> {
  const parsed = dropDateParam.safeParse(options.date);
  if (!parsed.success) return null;
  const explained = await loadExplained(db, { userId: options.userId });
  const index = explained.explanation.drops.findIndex((d) => d.date === parsed.data);
  if (index < 0) return null;
  const zoom = buildDropZoom(explained.history, explained.explanation, parsed.data);
  if (!zoom) return null;
  return { ...explained, drop: explained.explanation.drops[index]!, zoom, index };
}
