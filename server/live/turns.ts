/**
 * Hands out one turn per event-loop iteration, first come first served: catch-up parts take turns
 * with each other, and timers (the live tick) and I/O run between any two of them.
 */
export class TurnTaker {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(this.next);
  }

  private readonly next = () => {
    this.scheduled = false;
    this.waiting.shift()?.();
    this.schedule();
  };
}
