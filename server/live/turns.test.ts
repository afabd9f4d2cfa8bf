import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue';
import { PointsBudget } from './points-budget';
import { TurnTaker } from './turns';

describe('TurnTaker', () => {
  it('lets timers and I/O run between any two turns, and serves takers in turn', async () => {
    const turns = new TurnTaker();
    const order: string[] = [];
    let timerFired = false;
    setTimeout(() => {
      timerFired = true;
    }, 0);
    const worker = async (name: string) => {
      for (let i = 0; i < 3; i++) {
        await turns.take();
        order.push(`${name}${i}${timerFired ? '+' : ''}`);
        // A turn's work, as a catch-up part would do: long enough for the timer to fall due.
        const until = performance.now() + 2;
        while (performance.now() < until);
      }
    };
    await Promise.all([worker('a'), worker('b')]);
    expect(order.map((entry) => entry.slice(0, 2))).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    // The timer, due during the first turn, ran before the second, though all were asked at once.
    expect(order.slice(0, 2)).toEqual(['a0', 'b0+']);
  });
});

describe('SerialQueue', () => {
  it('runs jobs in order and refuses bounded ones past its backlog', async () => {
    const queue = new SerialQueue(1);
    const done: number[] = [];
    let release = () => undefined as void;
    const first = new Promise<void>((resolve) => {
      release = resolve;
    });
    expect(queue.push(() => first.then(() => void done.push(1)))).toBe(true);
    await Promise.resolve();
    expect(queue.push(async () => void done.push(2))).toBe(true);
    expect(queue.push(async () => void done.push(3))).toBe(false);
    const last = new Promise<void>((resolve) => queue.push(async () => resolve(), false));
    release();
    await last;
    expect(done).toEqual([1, 2]);
  });
});

describe('PointsBudget', () => {
  it('refills evenly over a minute up to one minute of points', () => {
    const budget = new PointsBudget(60_000, 0);
    budget.spend(60_000);
    expect(budget.available(0)).toBe(0);
    expect(budget.available(30_000)).toBe(30_000);
    expect(budget.available(600_000)).toBe(60_000);
  });
});
