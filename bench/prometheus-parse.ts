import { parseOpenMetricsText } from '../server/ingest/openmetrics-text';
import { parsePrometheusText } from '../server/ingest/prometheus-text';
import { DCGM, NODE_EXPORTER, readFixture } from '../server/testing/prometheus-fixtures';

// Parse time of the real exporter pages, in µs per sample, against JSON.parse of the same samples
// as a JSON ingest body, measured in the same run: `npx tsx bench/prometheus-parse.ts`.
const RUNS = 200;

function median(run: () => unknown): { first: number; median: number; p95: number } {
  const firstStart = performance.now();
  run();
  const first = performance.now() - firstStart;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { first, median: times[RUNS / 2] ?? NaN, p95: times[Math.floor(RUNS * 0.95)] ?? NaN };
}

/** The page as an OpenMetrics exposer would write it: counters end in _total, # EOF closes it. */
function asOpenMetrics(text: string): string {
  const counters = new Set([...text.matchAll(/^# TYPE (\S+) counter$/gm)].map((m) => m[1]));
  const lines = text
    .split('\n')
    .filter((line) => line !== '' && (!line.startsWith('#') || /^# (HELP|TYPE) /.test(line)))
    .map((line) => {
      if (/^# HELP \S+$/.test(line)) return `${line} `;
      if (line.startsWith('#')) return line.replace(/ untyped$/, ' unknown');
      const name = /^[^{ ]+/.exec(line)?.[0] ?? '';
      return counters.has(name) ? `${name}_total${line.slice(name.length)}` : line;
    });
  return `${lines.join('\n')}\n# EOF\n`;
}

for (const name of [NODE_EXPORTER, DCGM]) {
  const text = readFixture(name);
  const { samples } = parsePrometheusText(text);
  const json = JSON.stringify({
    samples: samples.map(({ metric, labels, value }) => ({ metric, labels, value })),
  });
  const baseline = median(() => JSON.parse(json));
  const report = (format: string, timing: ReturnType<typeof median>) => {
    const perSample = (timing.median * 1000) / samples.length;
    console.log(
      `${name} ${format}: ${samples.length} samples; first parse ${timing.first.toFixed(1)} ms, ` +
        `median ${timing.median.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms over ${RUNS} runs; ` +
        `${perSample.toFixed(2)} µs/sample, ${(timing.median / baseline.median).toFixed(2)}x ` +
        `JSON.parse of the same samples (${baseline.median.toFixed(2)} ms)`,
    );
  };
  report(
    'as Prometheus 0.0.4',
    median(() => parsePrometheusText(text)),
  );
  const openMetrics = asOpenMetrics(text);
  report(
    'as OpenMetrics 1.0',
    median(() => parseOpenMetricsText(openMetrics)),
  );
}
