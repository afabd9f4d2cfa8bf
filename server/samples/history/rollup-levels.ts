export interface RollupLevel {
  table: 'rollup_1m' | 'rollup_1h';
  bucketMs: number;
}

export const MINUTE: RollupLevel = { table: 'rollup_1m', bucketMs: 60_000 };
export const HOUR: RollupLevel = { table: 'rollup_1h', bucketMs: 3_600_000 };
