/** Runs one socket's requests one after another, in the order they came, with a bounded backlog. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly maxWaiting: number) {}

  /** False, and nothing queued, when `maxWaiting` bounded jobs already wait. */
  push(job: () => Promise<void>, bounded = true): boolean {
    if (bounded && this.waiting >= this.maxWaiting) return false;
    if (bounded) this.waiting++;
    const run = async () => {
      if (bounded) this.waiting--;
      await job();
    };
    // A job reports its own failures; one that throws must not stop those behind it.
    this.tail = this.tail.then(run).catch(() => undefined);
    return true;
  }
}
