/** A row of a scan over many series in key order: series id, time, then the other cells. */
export type SeriesRow = readonly [seriesId: number, time: number, ...cells: (number | null)[]];

const INITIAL_CAPACITY = 256;

class GrowingColumns {
  rows = 0;
  private columns: Float64Array[];

  constructor(width: number) {
    this.columns = Array.from({ length: width }, () => new Float64Array(INITIAL_CAPACITY));
  }

  push(row: SeriesRow): void {
    if (this.rows === this.columns[0]?.length) this.grow();
    for (let cell = 0; cell < this.columns.length; cell++) {
      const column = this.columns[cell];
      if (column) column[this.rows] = row[cell + 1] ?? NaN;
    }
    this.rows += 1;
  }

  finish(): Float64Array[] {
    return this.columns.map((column) => column.slice(0, this.rows));
  }

  private grow(): void {
    this.columns = this.columns.map((column) => {
      const larger = new Float64Array(column.length * 2);
      larger.set(column);
      return larger;
    });
  }
}

/**
 * Gathers rows page by page into one column per cell for each requested id; NULL reads as NaN
 * (values.ts). Every id gets an entry, empty when no row had it; other series are skipped.
 */
export class SeriesSplitter {
  private readonly slots: Map<number, GrowingColumns>;

  constructor(seriesIds: readonly number[], width: number) {
    this.slots = new Map(seriesIds.map((id) => [id, new GrowingColumns(width)]));
  }

  add(rows: readonly SeriesRow[]): void {
    for (const row of rows) this.slots.get(row[0])?.push(row);
  }

  finish(): Map<number, Float64Array[]> {
    return new Map([...this.slots].map(([id, slot]) => [id, slot.finish()]));
  }
}
