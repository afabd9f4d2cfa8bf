import { uncompress } from 'snappyjs';
import { IngestError } from '../ingest-error';

/**
 * The uncompressed length a snappy block declares in its preamble (a little-endian base-128
 * varint of at most 32 bits), read before decompressing so an oversized body costs nothing.
 */
export function declaredLength(block: Uint8Array): number | undefined {
  let length = 0;
  for (let i = 0; i < 5 && i < block.length; i++) {
    const byte = block[i] ?? 0;
    length += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return length <= 0xffffffff ? length : undefined;
  }
  return undefined;
}

/** Decompresses a snappy block (not the framed format), refusing more than maxBytes of output. */
export function uncompressBlock(block: Uint8Array, maxBytes: number): Uint8Array {
  const length = declaredLength(block);
  if (length === undefined) {
    throw new IngestError('invalid', 'the body is not a snappy block: its length preamble is bad');
  }
  if (length > maxBytes) {
    throw new IngestError(
      'too_large',
      `the body declares ${length} bytes uncompressed; at most ${maxBytes} are read`,
    );
  }
  try {
    return uncompress(block, maxBytes);
  } catch {
    throw new IngestError('invalid', 'the body is not a valid snappy block (block format)');
  }
}
