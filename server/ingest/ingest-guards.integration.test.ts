import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../lib/protocol';
import { postJson, startAggregator, type RunningAggregator } from '../testing/harness';
import { MAX_SAMPLE_AGE_MS } from './ingest';

let running: RunningAggregator;

beforeAll(async () => {
  running = await startAggregator({ sources: [] });
});
afterAll(() => running.close());

const postText = (body: string) =>
  fetch(`${running.baseUrl}/api/ingest/prometheus`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body,
  });

async function expectRefusal(response: Response, ...parts: string[]): Promise<void> {
  expect(response.status).toBe(400);
  const { error } = ErrorBodySchema.parse(await response.json());
  expect(error.code).toBe('invalid_request');
  for (const part of parts) expect(error.message).toContain(part);
}

/** What the aggregator's own metrics say it took in through ingest. */
async function ingestedCount(): Promise<number> {
  const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
  const match = /^headroom_samples_ingested_total\{source="ingest"\} (\d+)/m.exec(text);
  return Number(match?.[1] ?? 0);
}

describe('a label named __proto__', () => {
  it('is refused over JSON, naming it, instead of being dropped', async () => {
    const body =
      '{"samples":[{"metric":"proto_probe","labels":{"__proto__":"x","a":"b"},"value":1}]}';
    const response = await postJson(running.baseUrl, '/api/ingest', body);
    await expectRefusal(response, 'samples.0.labels.__proto__', 'reserved');
  });

  it('is refused in a text exposition, naming it', async () => {
    await expectRefusal(await postText('proto_probe{__proto__="x"} 1\n'), '__proto__', 'reserved');
  });
});

describe('samples older than raw history keeps', () => {
  const tooOld = () => Date.now() - MAX_SAMPLE_AGE_MS - 60_000;

  it.each([
    ['a timestamp near 0', 1],
    ['a timestamp past raw retention', tooOld()],
  ])('refuses JSON with %s, naming the oldest accepted, and keeps none of it', async (_n, ts) => {
    const before = await ingestedCount();
    const response = await postJson(running.baseUrl, '/api/ingest', {
      samples: [
        { metric: 'age_probe', value: 1 },
        { metric: 'age_probe', value: 2, ts },
      ],
    });
    await expectRefusal(response, 'samples.1.ts', 'older than the 24 hours', 'oldest accepted');
    expect(await ingestedCount()).toBe(before);
  });

  it('refuses a text exposition with an old timestamp', async () => {
    await expectRefusal(await postText(`age_probe 1 ${tooOld()}\n`), 'samples.0.ts', '24 hours');
  });

  it('still accepts a sample from 23 hours ago', async () => {
    const ts = Date.now() - 23 * 3_600_000;
    const response = await postJson(running.baseUrl, '/api/ingest', {
      samples: [{ metric: 'age_probe', value: 3, ts }],
    });
    expect(response.status).toBe(202);
  });
});
