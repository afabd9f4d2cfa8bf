import { MAX_JSON_DEPTH, nestsDeeperThan } from '../lib/json-depth';
import { IngestRequestSchema } from '../lib/protocol';
import { MAX_BODY_BYTES } from '../server/api/http';
import { parseJsonIngest } from '../server/ingest/ingest';

// Time to refuse 1 MiB of nested arrays on the ingest path: `npx tsx bench/json-depth.ts`.
// Baseline: what the code did before the depth check, JSON.parse and then the schema.
const RUNS = 30;
const depth = Math.floor((MAX_BODY_BYTES - 100) / 2);
const shapes = {
  'bare arrays': '['.repeat(depth) + ']'.repeat(depth),
  'arrays in samples': `{"samples":${'['.repeat(depth)}${']'.repeat(depth)}}`,
  'objects in labels': `{"samples":[{"metric":"m","value":1,"labels":${'{"a":'.repeat(depth / 3)}1${'}'.repeat(depth / 3)}}]}`,
};

function medianMs(refuse: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    refuse();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
}

for (const [name, body] of Object.entries(shapes)) {
  const baseline = medianMs(() => {
    try {
      IngestRequestSchema.safeParse(JSON.parse(body));
    } catch {
      // invalid JSON is refused too; only the time matters here
    }
  });
  const guarded = medianMs(() => {
    try {
      parseJsonIngest(body, Date.now());
    } catch {
      // the refusal is the point
    }
  });
  console.log(
    `${name} (${(body.length / 1024).toFixed(0)} KiB): parse then validate ${baseline.toFixed(1)} ms, ` +
      `depth check ${guarded.toFixed(3)} ms (${(baseline / guarded).toFixed(0)}x less) over ${RUNS} runs`,
  );
}

// What the check adds to a body that passes: a full scan of a large, valid batch.
const valid = JSON.stringify({
  samples: Array.from({ length: 10_000 }, (_, index) => ({
    metric: 'DCGM_FI_DEV_GPU_UTIL',
    labels: { cluster: 'chat-euw1', gpu: String(index % 8), host: `node-${index}` },
    value: index,
  })),
});
const parseOnly = medianMs(() => JSON.parse(valid));
const scanOnly = medianMs(() => nestsDeeperThan(valid, MAX_JSON_DEPTH));
console.log(
  `valid 10,000-sample body (${(valid.length / 1024).toFixed(0)} KiB): JSON.parse ${parseOnly.toFixed(2)} ms, ` +
    `depth scan ${scanOnly.toFixed(2)} ms (+${((scanOnly / parseOnly) * 100).toFixed(0)} %)`,
);
