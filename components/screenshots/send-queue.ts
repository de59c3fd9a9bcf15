/**
 * The files waiting to be read, sent two at a time: the next one uploads while the server reads
 * the one before (it reads one at a time per core anyway). Plain class, outside React's render.
 */
import type { ScreenshotReadResponse } from "@/lib/screenshots/http";
import type { Action } from "./flow-state";
import { sendScreenshot } from "./send";

const IN_FLIGHT = 2;

export type FailureKind = "network" | "busy" | "failed";

export class SendQueue {
  private waiting: { key: string; file: File }[] = [];
  private running = 0;

  constructor(private readonly dispatch: (a: Action) => void) {}

  push(items: { key: string; file: File }[]): void {
    this.waiting.push(...items);
    this.pump();
  }

  drop(key: string): void {
    this.waiting = this.waiting.filter((w) => w.key !== key);
  }

  clear(): void {
    this.waiting = [];
  }

  private pump(): void {
    while (this.running < IN_FLIGHT && this.waiting.length) {
      const { key, file } = this.waiting.shift()!;
      this.running++;
      void sendScreenshot<ScreenshotReadResponse>(file, {
        onProgress: (fraction) => this.dispatch({ type: "progress", key, fraction }),
        onUploaded: () => this.dispatch({ type: "uploaded", key }),
      }).then((res) => {
        this.running--;
        if (res.ok) this.dispatch({ type: "read", key, reading: res.body });
        else {
          const kind: FailureKind = res.status === 0 ? "network" : res.status === 503 ? "busy" : "failed";
          // The server's own message (in English) only where ours has none to say.
          this.dispatch({ type: "failed", key, message: kind === "failed" && res.status === 422 ? res.error.message : kind });
        }
        this.pump();
      });
    }
  }
}
