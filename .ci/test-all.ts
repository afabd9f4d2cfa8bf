import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// `npm test`: unit + integration (vitest), then browser (Playwright), then one line of totals.
interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function step(name: string, command: string, args: string[]): number {
  console.log(`\n── ${name} ──`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return result.status ?? 1;
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function vitestTotals(): Totals | undefined {
  const report = readJson('test-results/vitest.json') as
    | {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
      }
    | undefined;
  if (!report) return undefined;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightTotals(): Totals | undefined {
  const report = readJson('test-results/playwright.json') as
    { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
  if (!report) return undefined;
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

rmSync('test-results/vitest.json', { force: true });
rmSync('test-results/playwright.json', { force: true });
mkdirSync('test-results', { recursive: true });

const codes = [
  step('Chromium', 'bash', ['.ci/ensure-chromium.sh']),
  step('Prometheus', 'bash', ['.ci/ensure-prometheus.sh']),
  step('RabbitMQ management API', 'bash', ['.ci/ensure-rabbitmq-management.sh']),
  step('unit and integration tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile=test-results/vitest.json',
  ]),
  step('browser tests', 'npx', ['playwright', 'test']),
];
const suites = [vitestTotals(), playwrightTotals()];
const totals = suites.reduce<Totals>(
  (sum, suite) => ({
    passed: sum.passed + (suite?.passed ?? 0),
    failed: sum.failed + (suite?.failed ?? 0),
    skipped: sum.skipped + (suite?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
// A runner that crashed before reporting still fails the run, even with nothing counted as failed.
const missingReport = suites.some((suite) => suite === undefined);
const failed =
  codes.some((code) => code !== 0) || missingReport || totals.failed > 0 || totals.passed === 0;
if (missingReport) console.log('\nA test runner did not write its report; see its output above.');
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
