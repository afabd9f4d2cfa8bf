import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Real exporter output from shared/, beside the repository: see its fixtures/README.md. */
export const PROMETHEUS_FIXTURES = path.resolve(
  import.meta.dirname,
  '../../../shared/fixtures/prometheus',
);
export const NODE_EXPORTER = 'node-exporter-e2e-output.txt';
export const DCGM = 'dcgm-exporter-metrics.txt';

export function readFixture(name: string): string {
  return readFileSync(path.join(PROMETHEUS_FIXTURES, name), 'utf8');
}

/** Sample lines counted without the parser: anything neither blank nor a comment. */
export function sampleLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, text: line }))
    .filter(({ text: line }) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}
