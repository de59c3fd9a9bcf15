/**
 * The drop page's chart from the events around a drop (lib/data/drop-window.ts), as a worker
 * task for a window that holds many events (a crafted history can pack a whole history into
 * those days). Pure, like explain-history.ts: the request thread runs the same function for a
 * small window. The rows travel as JSON text, the chart (bounded in size) comes back as objects.
 */
import type { Drop } from "@/lib/core";
import { buildDropZoom, type HistorySpan } from "@/lib/timeline/build";
import type { DropZoom } from "@/lib/timeline/types";
import type { HistoryDocument } from "@/lib/history/schema";

export interface DropZoomPayload {
  /** A history document of the window's events (and the observations in force at its start). */
  historyJson: string;
  /** The explanation's drops (the chart marks every drop day in its limit series). */
  drops: Drop[];
  date: string;
  /** The whole history's first and last day, so the window is cut as from the whole history. */
  span: HistorySpan;
}

export function dropZoomTask(p: DropZoomPayload): DropZoom | null {
  return buildDropZoom(JSON.parse(p.historyJson) as HistoryDocument, { drops: p.drops }, p.date, { span: p.span });
}
