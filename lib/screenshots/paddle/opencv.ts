/**
 * OpenCV (the @techstark/opencv-js WASM build the engine library uses) for DB post-processing:
 * contours, minimal rectangles, perspective crops. Its WASM heap grows to the most it ever held
 * and never shrinks, so callers delete every Mat they make (the library left some behind for each
 * line read, a slow leak in a long-running server).
 */
import { createRequire } from "node:module";

export type Cv = typeof import("@techstark/opencv-js");

let ready: Promise<{ cv: Cv }> | null = null;

/**
 * The runtime, once its WASM has started (asynchronously, the first time it is required).
 * Wrapped in an object, never resolved or returned from an async function by itself: the
 * Emscripten module has a `then` of its own, and a promise resolved with it calls that `then`
 * again and again, never settling and starving the thread.
 */
export function openCv(): Promise<{ cv: Cv }> {
  ready ??= new Promise<{ cv: Cv }>((resolve) => {
    const cv = createRequire(import.meta.url)("@techstark/opencv-js") as Cv & { onRuntimeInitialized?: () => void };
    if (typeof cv.Mat === "function") resolve({ cv });
    else cv.onRuntimeInitialized = () => resolve({ cv });
  });
  return ready;
}
