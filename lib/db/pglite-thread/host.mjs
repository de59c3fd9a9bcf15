/*
 * The entry of the thread that hosts the embedded PGlite: plain JavaScript, like
 * lib/workers/worker.mjs, loading the TypeScript host through tsx's loader.
 */
import { tsImport } from "tsx/esm/api";

await tsImport("./host.ts", import.meta.url);
