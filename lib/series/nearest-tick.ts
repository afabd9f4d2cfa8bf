/**
 * Index of the tick whose value is nearest to `target`, or -1 when there is none or the nearest
 * is further than `maxDistance`: panels with different steps still share one crosshair.
 */
export function nearestTickIndex(
  ticks: ReadonlyArray<{ value: unknown; index: number }>,
  target: unknown,
  maxDistance: number,
): number {
  // Recharts hands the hovered label over as a string, even on a numeric axis.
  const value = typeof target === 'string' ? Number(target) : target;
  if (typeof value !== 'number' || Number.isNaN(value)) return -1;
  let best = -1;
  let bestDistance = Infinity;
  for (const tick of ticks) {
    if (typeof tick.value !== 'number') continue;
    const distance = Math.abs(tick.value - value);
    if (distance < bestDistance) {
      best = tick.index;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : -1;
}
