/** Counts per second over a sliding window of whole seconds, in fixed memory. */
export class RateWindow {
  private readonly counts: Float64Array;
  private readonly seconds: Float64Array;

  constructor(private readonly windowSeconds = 60) {
    this.counts = new Float64Array(windowSeconds);
    this.seconds = new Float64Array(windowSeconds).fill(-1);
  }

  add(count: number, at: number): void {
    const second = Math.floor(at / 1000);
    const slot = second % this.windowSeconds;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.counts[slot] = 0;
    }
    this.counts[slot] = (this.counts[slot] ?? 0) + count;
  }

  /**
   * The rate over the window, or over the time since `since` while that is shorter, so a source
   * that started ten seconds ago is not read as six times slower than it is.
   */
  perSecond(now: number, since: number): number {
    const second = Math.floor(now / 1000);
    let total = 0;
    for (let slot = 0; slot < this.windowSeconds; slot++) {
      const at = this.seconds[slot] ?? -1;
      if (at > second - this.windowSeconds && at <= second) total += this.counts[slot] ?? 0;
    }
    const span = Math.min(this.windowSeconds, Math.max(1, (now - since) / 1000));
    return total / span;
  }
}
