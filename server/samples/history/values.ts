/** SQLite has no NaN: a REAL column turns it into NULL, so NULL is read back as NaN. */
export function toSqlReal(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

export function fromSqlReal(value: number | null): number {
  return value ?? NaN;
}
