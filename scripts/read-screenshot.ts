/**
 * `npm run -s read-screenshot -- FILE...`: what each screenshot shows, as one JSON array on
 * stdout, entries in the order given:
 *   {"file", "product", "observations": [{"type", "value", "date"?}], "lines", "reason"?}
 * The same worker pool and reading as the upload page. A file that cannot be read (missing, not
 * an image, HEIC) ends the command with exit code 1 and a message on stderr, after the others.
 */
import { readFile, stat } from "node:fs/promises";
import { MAX_SCREENSHOT_BYTES, sniffImage } from "@/lib/screenshots/sniff";
import { closePool, run } from "@/lib/workers/pool";

type Entry = { file: string; product: string | null; observations: { type: string; value: number; date?: string }[]; lines: string[]; reason?: string };

async function readOne(file: string): Promise<Entry> {
  const info = await stat(file);
  if (info.size > MAX_SCREENSHOT_BYTES) throw new Error("larger than 10 MB");
  const bytes = new Uint8Array(await readFile(file));
  const kind = sniffImage(bytes.subarray(0, 16));
  if (kind === "heic") throw new Error("a HEIC image: export it as JPEG or PNG first");
  if (kind === "unknown") throw new Error("not a PNG, JPEG or WebP image");
  const r = await run("screenshot.read", { bytes, lastModified: info.mtimeMs });
  return {
    file,
    product: r.product,
    observations: r.observations.map((o) => ({ type: o.type, value: o.value, ...(o.date ? { date: o.date } : {}) })),
    lines: r.lines,
    ...(r.reason ? { reason: r.reason } : {}),
  };
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error("usage: npm run -s read-screenshot -- FILE...");
    return 2;
  }
  const out: Entry[] = [];
  let failed = false;
  // One at a time: the pool's threads are shared with whatever else runs on the machine.
  for (const file of files) {
    try {
      out.push(await readOne(file));
    } catch (err) {
      failed = true;
      const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message;
      console.error(`read-screenshot: ${file}: cannot be read (${why})`);
    }
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await closePool();
    process.exit(code);
  })
  .catch(async (err) => {
    console.error(`read-screenshot: ${(err as Error).message}`);
    await closePool();
    process.exit(1);
  });
