/** A token bucket of catch-up points for one socket, refilled evenly over a minute. */
export class PointsBudget {
  private points: number;
  private updatedAt: number;

  constructor(
    private readonly perMinute: number,
    now: number,
  ) {
    this.points = perMinute;
    this.updatedAt = now;
  }

  available(now: number): number {
    const refill = ((now - this.updatedAt) * this.perMinute) / 60_000;
    this.points = Math.min(this.perMinute, this.points + Math.max(0, refill));
    this.updatedAt = Math.max(this.updatedAt, now);
    return Math.floor(this.points);
  }

  spend(points: number): void {
    this.points -= points;
  }
}
