/** The cell shape a wall aims for: charts read best a little wider than tall. */
const TARGET_CELL_ASPECT = 1.6;

/**
 * How many panels go on each row so `count` panels fill a `width`×`height` screen with no empty
 * cell: rows hold as even a share as they can (7 on three rows is 3, 2, 2), and the row count is
 * the one whose cells come closest to the target shape.
 */
export function wallRows(count: number, width: number, height: number): number[] {
  if (count <= 0) return [];
  let best: { rows: number[]; score: number } | undefined;
  for (let rowCount = 1; rowCount <= count; rowCount++) {
    const perRow = Math.ceil(count / rowCount);
    const aspect = width / perRow / (height / rowCount);
    const score = Math.abs(Math.log(aspect / TARGET_CELL_ASPECT));
    if (!best || score < best.score) best = { rows: evenRows(count, rowCount), score };
  }
  return best?.rows ?? [count];
}

function evenRows(count: number, rowCount: number): number[] {
  const base = Math.floor(count / rowCount);
  const extra = count % rowCount;
  return Array.from({ length: rowCount }, (_, row) => base + (row < extra ? 1 : 0));
}
