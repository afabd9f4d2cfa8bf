import { parsePrometheusText } from '../server/ingest/prometheus-text';
import { DCGM, NODE_EXPORTER, readFixture } from '../server/testing/prometheus-fixtures';

// Parse time of the real exporter pages: `npx tsx bench/prometheus-parse.ts`.
const RUNS = 200;

for (const name of [NODE_EXPORTER, DCGM]) {
  const text = readFixture(name);
  const coldStart = performance.now();
  const { samples } = parsePrometheusText(text);
  const cold = performance.now() - coldStart;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    parsePrometheusText(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)] ?? NaN;
  const p95 = times[Math.floor(RUNS * 0.95)] ?? NaN;
  console.log(
    `${name}: ${samples.length} samples; first parse ${cold.toFixed(1)} ms, ` +
      `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${RUNS} runs ` +
      `(${Math.round(samples.length / (median / 1000)).toLocaleString('en')} samples/s)`,
  );
}
