/*
 * The worker threads' entry: plain JavaScript on purpose. Next's server bundle would rewrite or
 * inline a TypeScript worker, so the pool points at this file on disk, and it loads the task
 * registry (TypeScript, with the project's "@/" paths) through tsx's loader, scoped to this import.
 */
import { tsImport } from "tsx/esm/api";

const { tasks } = await tsImport("./tasks.ts", import.meta.url);

export default async function runTask({ task, payload }) {
  const fn = tasks[task];
  if (typeof fn !== "function") throw new Error(`Unknown worker task "${task}".`);
  return fn(payload);
}
