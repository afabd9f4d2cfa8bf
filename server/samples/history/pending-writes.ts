import type { StoredSample } from '../sample';
import { WriteBuffer } from './write-buffer';

/** Samples per transaction: a retry rewrites at most this much, never the whole backlog. */
export const CHUNK_SAMPLES = 10_000;

interface Chunk {
  buffer: WriteBuffer;
  /** Sequence number of the chunk's last sample: samples are numbered 1, 2, … as appended. */
  endSeq: number;
  sealed: boolean;
}

/** A settled chunk: written to disk, or given up and dropped. */
export interface Settled {
  samples: number;
  endSeq: number;
}

/** Unsaved samples as a queue of bounded chunks, each written in its own transaction, oldest first. */
export class PendingWrites {
  private readonly chunks: Chunk[] = [];
  private appended = 0;
  private count = 0;

  constructor(private readonly chunkSamples = CHUNK_SAMPLES) {}

  get size(): number {
    return this.count;
  }

  /** Sequence number of the newest sample appended so far. */
  get appendedSeq(): number {
    return this.appended;
  }

  add(samples: readonly StoredSample[]): void {
    for (const sample of samples) {
      if (!Number.isFinite(sample.ts)) throw new RangeError(`sample ts ${sample.ts} is not finite`);
    }
    let offset = 0;
    while (offset < samples.length) {
      const tail = this.openTail();
      const take = Math.min(samples.length - offset, this.chunkSamples - tail.buffer.size);
      tail.buffer.add(
        offset === 0 && take === samples.length ? samples : samples.slice(offset, offset + take),
      );
      offset += take;
      this.appended += take;
      this.count += take;
      tail.endSeq = this.appended;
    }
  }

  /** The oldest chunk, sealed so that later appends start a new one while it is written. */
  oldest(): WriteBuffer | undefined {
    const chunk = this.chunks[0];
    if (!chunk) return undefined;
    chunk.sealed = true;
    return chunk.buffer;
  }

  /** Removes the oldest chunk once it is written (or given up). */
  shift(): Settled | undefined {
    const chunk = this.chunks.shift();
    if (!chunk) return undefined;
    this.count -= chunk.buffer.size;
    return { samples: chunk.buffer.size, endSeq: chunk.endSeq };
  }

  /** Drops whole oldest chunks, never the newest, until at most `limit` samples wait. */
  trimTo(limit: number): Settled[] {
    const dropped: Settled[] = [];
    while (this.count > limit && this.chunks.length > 1) {
      const settled = this.shift();
      if (settled) dropped.push(settled);
    }
    return dropped;
  }

  private openTail(): Chunk {
    const tail = this.chunks[this.chunks.length - 1];
    if (tail && !tail.sealed && tail.buffer.size < this.chunkSamples) return tail;
    const chunk: Chunk = { buffer: new WriteBuffer(), endSeq: this.appended, sealed: false };
    this.chunks.push(chunk);
    return chunk;
  }
}
