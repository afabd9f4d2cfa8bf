// snappyjs ships no types; these are the two calls Headroom makes (block format, not framed).
declare module 'snappyjs' {
  /** Throws when the stream is invalid or declares more than maxLength bytes uncompressed. */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  export function compress(uncompressed: Uint8Array): Uint8Array;
}
