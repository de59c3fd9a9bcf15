/**
 * Items one side pushes as they come (a message port's batches, a COPY's chunks) and the other
 * reads once, in order, as an async iterable. `end()` finishes the read after the items already
 * pushed; `fail(error)` makes it throw, also after those items (the first failure wins). What
 * is pushed after either is ignored.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private ended = false;
  private failure: { error: unknown } | undefined;
  private wake?: () => void;

  push(item: T): void {
    if (this.settled) return;
    this.items.push(item);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.failure = { error };
    this.wake?.();
  }

  /** True once ended or failed. */
  get settled(): boolean {
    return this.ended || this.failure !== undefined;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.items.length) {
        yield this.items.shift()!;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}
