/** A `<select>`'s value read back as one of its literal options. */
export function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return values.find((candidate) => candidate === value) ?? fallback;
}
