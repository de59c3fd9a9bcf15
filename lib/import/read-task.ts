/**
 * readImportFile as a worker task (lib/workers: "import.read"): the file's bytes arrive
 * transferred, the result goes back in its compact form (compact-read.ts).
 */
import { packRead, type CompactRead, type ReadFilePayload } from "./compact-read";
import { readImportFile } from "./read-file";

/** The task itself: runs on a worker thread. */
export async function readFileTask({ bytes, options }: ReadFilePayload): Promise<CompactRead> {
  return packRead(await readImportFile(bytes, options));
}
