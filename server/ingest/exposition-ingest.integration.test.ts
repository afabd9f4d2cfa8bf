import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../lib/protocol';
import { postJson, startAggregator, type RunningAggregator } from '../testing/harness';

let running: RunningAggregator;

beforeAll(async () => {
  running = await startAggregator();
});
afterAll(() => running.close());

function postText(body: BodyInit, contentType: string): Promise<Response> {
  return fetch(`${running.baseUrl}/api/ingest/prometheus`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
}

async function errorOf(response: Response): Promise<{ status: number; message: string }> {
  const { error } = ErrorBodySchema.parse(await response.json());
  return { status: response.status, message: error.message };
}

/** Every stored point of one series, read from the aggregator's memory. */
function stored(metric: string, labels: Record<string, string> = {}): [number, number][] {
  const [series] = running.aggregator.store.select(metric, labels);
  if (!series) return [];
  const { timestamps, values } = series.window.range(-Infinity, Infinity);
  return Array.from(timestamps, (ts, i) => [ts, values[i] ?? NaN]);
}

const OPENMETRICS = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
const PROMETHEUS = 'text/plain; version=0.0.4; charset=utf-8';

describe('POST /api/ingest/prometheus chooses its rules by content type', () => {
  it('reads OpenMetrics timestamps as seconds, with their fraction', async () => {
    const seconds = Math.floor(Date.now() / 1000) - 60;
    const body = `# TYPE om_probe gauge\nom_probe{at="s"} 7 ${seconds}.25\n# EOF\n`;
    const response = await postText(body, OPENMETRICS);

    expect(response.status).toBe(202);
    expect(stored('om_probe', { at: 's' })).toEqual([[seconds * 1000 + 250, 7]]);
  });

  it('keeps exemplars out of the data and refuses them where OpenMetrics forbids them', async () => {
    const seconds = Math.floor(Date.now() / 1000);
    const counter = `# TYPE om_requests counter\nom_requests_total 3 # {trace_id="abc"} 0.5 ${seconds}\n`;
    expect((await postText(`${counter}# EOF\n`, OPENMETRICS)).status).toBe(202);
    expect(stored('om_requests_total').map(([, value]) => value)).toEqual([3]);

    const gauge = `# TYPE om_gauge gauge\nom_gauge 1 # {trace_id="abc"} 0.5\n# EOF\n`;
    const refused = await errorOf(await postText(gauge, OPENMETRICS));
    expect(refused).toEqual({ status: 400, message: expect.stringMatching(/^line 2: .*exemplar/) });
    expect(stored('om_gauge')).toEqual([]);
  });

  it('refuses an OpenMetrics body without # EOF, and the same page sent as text/plain', async () => {
    const missing = await errorOf(await postText('om_no_eof 1\n', OPENMETRICS));
    expect(missing).toEqual({ status: 400, message: expect.stringContaining('# EOF') });

    const asPrometheus = await postText(`om_plain 1 ${Date.now() / 1000}\n# EOF\n`, PROMETHEUS);
    expect(await errorOf(asPrometheus)).toEqual({
      status: 400,
      message: expect.stringMatching(/^line 1: invalid timestamp .*milliseconds/),
    });
    expect(stored('om_no_eof')).toEqual([]);
    expect(stored('om_plain')).toEqual([]);
  });

  it('answers 415 for a version or charset it does not read', async () => {
    for (const type of [
      'application/openmetrics-text; version=2.0.0',
      'text/plain; charset=latin1',
    ]) {
      const { status } = await errorOf(await postText('m 1\n# EOF\n', type));
      expect(status).toBe(415);
    }
  });
});

describe('one rule for numbers and text in every ingest format', () => {
  it('refuses a numeral beyond float64 over text and JSON alike, naming the rule', async () => {
    const text = await errorOf(await postText('overflow_probe 1e309\n', PROMETHEUS));
    const om = await errorOf(await postText('overflow_probe 1e309\n# EOF\n', OPENMETRICS));
    const json = await errorOf(
      await postJson(running.baseUrl, '/api/ingest', '{"samples":[{"metric":"m","value":1e309}]}'),
    );

    for (const refused of [text, om, json]) {
      expect(refused.status).toBe(400);
      expect(refused.message).toMatch(/beyond the float64 range.*\+Inf/);
    }
    expect(stored('overflow_probe')).toEqual([]);
  });

  it('keeps explicit infinities as values', async () => {
    const response = await postText('inf_probe{s="a"} +Inf\ninf_probe{s="b"} -Inf\n', PROMETHEUS);
    expect(response.status).toBe(202);
    expect(stored('inf_probe', { s: 'a' })[0]?.[1]).toBe(Infinity);
    expect(stored('inf_probe', { s: 'b' })[0]?.[1]).toBe(-Infinity);
  });

  it('refuses invalid UTF-8 naming the line, instead of storing replacement characters', async () => {
    const body = Buffer.concat([
      Buffer.from('utf8_probe 1\nutf8_probe{gpu="'),
      Buffer.from([0xff]),
    ]);
    const response = await postText(
      new Uint8Array(Buffer.concat([body, Buffer.from('"} 2\n')])),
      PROMETHEUS,
    );

    expect(await errorOf(response)).toEqual({
      status: 400,
      message: expect.stringMatching(/^line 2: invalid UTF-8/),
    });
    expect(stored('utf8_probe')).toEqual([]);
  });

  it('reads Prometheus 3 quoted names, storing those the dashboard can query', async () => {
    const ok = await postText('{"quoted_probe", "gpu"="0"} 5\n', PROMETHEUS);
    expect(ok.status).toBe(202);
    expect(stored('quoted_probe', { gpu: '0' }).map(([, value]) => value)).toEqual([5]);

    const dotted = await errorOf(await postText('{"quoted.probe"} 5\n', PROMETHEUS));
    expect(dotted).toEqual({ status: 400, message: expect.stringContaining('"quoted.probe"') });
  });
});
