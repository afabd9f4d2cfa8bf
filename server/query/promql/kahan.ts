/** Compensated summation as Prometheus does it, so long sums match its answers to the last bit. */
export class KahanSum {
  private sum = 0;
  private c = 0;

  add(inc: number): void {
    const t = this.sum + inc;
    if (!Number.isFinite(t)) this.c = 0;
    else if (Math.abs(this.sum) >= Math.abs(inc)) this.c += this.sum - t + inc;
    else this.c += inc - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.c;
  }
}
