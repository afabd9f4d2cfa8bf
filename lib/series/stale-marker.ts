// Prometheus's staleness marker: a NaN with its own bit pattern. A series whose newest sample is
// this marker has ended (a failed scrape, a series gone from its target), so lookback stops there.
const STALE_BITS = 0x7ff0000000000002n;

const scratch = new DataView(new ArrayBuffer(8));

function fromBits(bits: bigint): number {
  scratch.setBigUint64(0, bits);
  return scratch.getFloat64(0);
}

export const STALE_NAN: number = fromBits(STALE_BITS);

/** True only for the staleness marker, not for an ordinary NaN value. */
export function isStaleMarker(value: number): boolean {
  if (!Number.isNaN(value)) return false;
  scratch.setFloat64(0, value);
  return scratch.getBigUint64(0) === STALE_BITS;
}
