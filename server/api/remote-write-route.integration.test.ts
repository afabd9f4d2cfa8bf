import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema, HealthSchema, type Health } from '../../lib/protocol';
import { STALE_NAN, isStaleMarker } from '../../lib/series/stale-marker';
import { MAX_SAMPLE_AGE_MS } from '../ingest/ingest';
import { makeTempDir, openStore, removeTempDir } from '../samples/history/testing/fixtures';
import { aggregatorStarter, issueTokens } from '../testing/access-fixtures';
import type { RunningAggregator } from '../testing/harness';
import {
  postRemoteWrite,
  remoteWriteBody,
  type SeriesToSend,
} from '../testing/remote-write-client';

const start = aggregatorStarter();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeTempDir(dir);
});

function stored(running: RunningAggregator, metric: string, labels: Record<string, string> = {}) {
  const [series] = running.aggregator.store.select(metric, labels);
  if (!series) return { timestamps: [], values: new Float64Array(0) };
  const { timestamps, values } = series.window.range(-Infinity, Infinity);
  return { timestamps: Array.from(timestamps), values };
}

async function refusal(response: Response) {
  const { error } = ErrorBodySchema.parse(await response.json());
  return { status: response.status, code: error.code, message: error.message };
}

async function rejectedTotal(baseUrl: string, reason: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const match = new RegExp(`^headroom_samples_rejected_total\\{reason="${reason}"\\} (\\d+)$`, 'm');
  return Number(match.exec(text)?.[1] ?? 0);
}

const series = (metric: string, ...ts: number[]): SeriesToSend => ({
  metric,
  labels: { job: 'prometheus', instance: 'node:9400' },
  samples: ts.map((at, i) => ({ ts: at, value: i + 0.5 })),
});

describe('POST /api/v1/write (Prometheus remote write 1.0)', () => {
  it('keeps a batch and answers 204, a staleness marker kept as a marker', async () => {
    const running = await start();
    const now = Date.now();
    const body = remoteWriteBody([
      series('rw_probe', now - 2_000, now - 1_000),
      { metric: 'rw_probe', labels: { gpu: '1' }, samples: [{ ts: now, value: STALE_NAN }] },
    ]);
    const response = await postRemoteWrite(running.baseUrl, body);

    expect(response.status).toBe(204);
    expect(stored(running, 'rw_probe', { instance: 'node:9400' })).toEqual({
      timestamps: [now - 2_000, now - 1_000],
      values: new Float64Array([0.5, 1.5]),
    });
    const marker = stored(running, 'rw_probe', { gpu: '1' }).values[0];
    expect(marker !== undefined && isStaleMarker(marker)).toBe(true);
  });

  it('takes the ingest token Prometheus sends as a bearer credential, and refuses the rest', async () => {
    const running = await start();
    const tokens = issueTokens(running);
    const body = () => remoteWriteBody([series('rw_auth', Date.now())]);
    const statusFor = async (token: string | undefined) =>
      (await postRemoteWrite(running.baseUrl, body(), { token })).status;

    expect(await statusFor(undefined)).toBe(401);
    expect(await statusFor(tokens.viewer)).toBe(403);
    expect(stored(running, 'rw_auth').timestamps).toEqual([]);
    expect(await statusFor(tokens.ingest)).toBe(204);
    expect(stored(running, 'rw_auth').timestamps).toHaveLength(1);
  });

  it('answers 415 for another content type or encoding, and 400 for bytes that do not decode', async () => {
    const running = await start();
    const body = remoteWriteBody([series('rw_format', Date.now())]);
    const asJson = await postRemoteWrite(running.baseUrl, body, {
      headers: { 'content-type': 'application/json' },
    });
    const gzip = await postRemoteWrite(running.baseUrl, body, {
      headers: { 'content-encoding': 'gzip' },
    });
    const garbage = await postRemoteWrite(running.baseUrl, new Uint8Array([1, 2, 3, 4, 5]));

    expect(await refusal(asJson)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await refusal(gzip)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await refusal(garbage)).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(stored(running, 'rw_format').timestamps).toEqual([]);
  });

  it('answers 400 naming the series when a label cannot be stored, keeping nothing', async () => {
    const running = await start();
    const now = Date.now();
    const body = remoteWriteBody([
      series('rw_labels', now),
      { metric: 'rw_labels', labels: { 'pod-name': 'x' }, samples: [{ ts: now, value: 1 }] },
    ]);
    const answer = await refusal(await postRemoteWrite(running.baseUrl, body));

    expect(answer).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(answer.message).toMatch(/^timeseries\[1\] .*"pod-name".*must match/);
    expect(stored(running, 'rw_labels').timestamps).toEqual([]);
  });

  it('answers 413 past the compressed limit, and for a block declaring too much uncompressed', async () => {
    const running = await start();
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    const declared = new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x04, 0, 0, 0]);

    const tooBig = await refusal(await postRemoteWrite(running.baseUrl, huge));
    const tooMuch = await refusal(await postRemoteWrite(running.baseUrl, declared));
    expect(tooBig).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(tooMuch).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(tooMuch.message).toMatch(/declares 1073741824 bytes uncompressed/);
  });

  it('keeps the in-range samples of a catch-up batch, answers 204 and counts the too old', async () => {
    const running = await start();
    const now = Date.now();
    const before = await rejectedTotal(running.baseUrl, 'too_old');
    const tooOld = now - MAX_SAMPLE_AGE_MS - 60_000;
    const body = remoteWriteBody([series('rw_catch_up', tooOld, tooOld + 1, now - 1_000)]);

    expect((await postRemoteWrite(running.baseUrl, body)).status).toBe(204);
    expect(stored(running, 'rw_catch_up').timestamps).toEqual([now - 1_000]);
    expect((await rejectedTotal(running.baseUrl, 'too_old')) - before).toBe(2);
  });

  it('keeps the samples of series it holds and refuses new series past the quota with 422', async () => {
    const running = await start({ seriesLimits: { perCaller: 3 } });
    const now = Date.now();
    const first = remoteWriteBody([
      series('rw_quota_a', now - 1_000),
      series('rw_quota_b', now - 1_000),
    ]);
    expect((await postRemoteWrite(running.baseUrl, first)).status).toBe(204);

    const names = ['rw_quota_a', 'rw_quota_b', 'rw_quota_c', 'rw_quota_d', 'rw_quota_e'];
    const second = remoteWriteBody(names.map((name) => series(name, now)));
    const answer = await refusal(await postRemoteWrite(running.baseUrl, second));

    expect(answer).toMatchObject({ status: 422, code: 'series_limit' });
    expect(answer.message).toMatch(/^2 of 5 samples belong to new series .* 3 of 3 series/);
    const kept = names.map((name) => stored(running, name).timestamps.length);
    expect(kept).toEqual([2, 2, 1, 0, 0]);
  });

  it('answers 503 with Retry-After while history cannot be written, so Prometheus retries', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const history = openStore(dir);
    const running = await start({ history, flushIntervalMs: 50, flushMaxBackoffMs: 200 });
    const send = (metric: string) =>
      postRemoteWrite(running.baseUrl, remoteWriteBody([series(metric, Date.now())]));

    history.database.pragma('query_only = 1');
    expect((await send('rw_storage_before')).status).toBe(204);
    await untilHealth(running.baseUrl, (health) => health.storage?.state === 'failing');
    const refused = await send('rw_storage_refused');
    expect(await refusal(refused)).toMatchObject({ status: 503, code: 'storage_unavailable' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(stored(running, 'rw_storage_refused').timestamps).toEqual([]);

    history.database.pragma('query_only = 0');
    await untilHealth(running.baseUrl, (health) => health.storage?.state !== 'failing');
    expect((await send('rw_storage_after')).status).toBe(204);
  });
});

async function untilHealth(baseUrl: string, predicate: (health: Health) => boolean) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const health = HealthSchema.parse(await (await fetch(`${baseUrl}/api/health`)).json());
    if (predicate(health)) return health;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('health never reached the expected state');
}
