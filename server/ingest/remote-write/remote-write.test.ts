import { compress } from 'snappyjs';
import { describe, expect, it } from 'vitest';
import { LabelsSchema } from '../../../lib/protocol';
import { STALE_NAN, isStaleMarker } from '../../../lib/series/stale-marker';
import { remoteWriteBody } from '../../testing/remote-write-client';
import { IngestError, type IngestRefusal } from '../ingest-error';
import { MAX_FUTURE_SKEW_MS, MAX_SAMPLE_AGE_MS } from '../ingest';
import { parseRemoteWrite, type RemoteWriteHeaders } from './remote-write';
import { declaredLength } from './snappy-block';
import { seriesIdentity } from './wire-labels';
import { encodeWriteRequest } from './write-request';

const NOW = 1_750_000_000_000;
const HEADERS: RemoteWriteHeaders = {
  contentType: 'application/x-protobuf',
  contentEncoding: 'snappy',
};

function refusal(work: () => unknown): { reason: IngestRefusal; message: string } | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof IngestError) return { reason: error.reason, message: error.message };
    throw error;
  }
}

describe('reading a remote write 1.0 request', () => {
  it('turns __name__ into the metric and keeps timestamps, NaN, infinities and stale markers', () => {
    const body = remoteWriteBody([
      {
        metric: 'DCGM_FI_DEV_GPU_UTIL',
        labels: { gpu: '0', Hostname: 'node-1', instance: '10.0.0.1:9400' },
        samples: [
          { ts: NOW - 2_000, value: 97.5 },
          { ts: NOW - 1_000, value: NaN },
          { ts: NOW, value: STALE_NAN },
        ],
      },
      {
        metric: 'temp',
        samples: [
          { ts: NOW - 1, value: Infinity },
          { ts: NOW, value: -Infinity },
        ],
      },
    ]);
    const { samples, tooOld, tooNew } = parseRemoteWrite(body, HEADERS, NOW);

    expect(samples.map(({ metric, labels, ts }) => ({ metric, labels, ts }))).toEqual([
      ...[2_000, 1_000, 0].map((ago) => ({
        metric: 'DCGM_FI_DEV_GPU_UTIL',
        labels: { gpu: '0', Hostname: 'node-1', instance: '10.0.0.1:9400' },
        ts: NOW - ago,
      })),
      { metric: 'temp', labels: {}, ts: NOW - 1 },
      { metric: 'temp', labels: {}, ts: NOW },
    ]);
    // Read one by one: collecting them in a number array would turn the marker into a plain NaN.
    expect(samples.map((sample) => String(sample.value))).toEqual([
      '97.5',
      'NaN',
      'NaN',
      'Infinity',
      '-Infinity',
    ]);
    expect(samples.map((sample) => isStaleMarker(sample.value))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    expect({ tooOld, tooNew }).toEqual({ tooOld: 0, tooNew: 0 });
  });

  it('keeps the in-range samples of a batch partly too old or too far ahead, and counts the rest', () => {
    const oldest = NOW - MAX_SAMPLE_AGE_MS;
    const body = remoteWriteBody([
      {
        metric: 'catch_up',
        samples: [
          { ts: 1, value: 1 },
          { ts: oldest - 1, value: 2 },
          { ts: oldest, value: 3 },
          { ts: NOW + MAX_FUTURE_SKEW_MS, value: 4 },
          { ts: NOW + MAX_FUTURE_SKEW_MS + 1, value: 5 },
        ],
      },
    ]);
    const batch = parseRemoteWrite(body, HEADERS, NOW);

    expect(batch.samples.map((sample) => sample.value)).toEqual([3, 4]);
    expect({ tooOld: batch.tooOld, tooNew: batch.tooNew }).toEqual({ tooOld: 2, tooNew: 1 });
  });

  it('counts native histogram samples it does not store, and reads a metadata-only request', () => {
    const withHistogram = compress(
      encodeWriteRequest({
        timeseries: [
          {
            labels: [{ name: '__name__', value: 'latency' }],
            samples: [],
            histograms: [new Uint8Array([8, 1]), new Uint8Array([8, 2])],
          },
        ],
      }),
    );
    expect(parseRemoteWrite(withHistogram, HEADERS, NOW)).toMatchObject({
      samples: [],
      histograms: 2,
    });
    // Field 3 is metadata: a sender's periodic metadata-only request has no samples.
    const metadataOnly = compress(new Uint8Array([0x1a, 0x04, 0x22, 0x02, 0x75, 0x70]));
    expect(parseRemoteWrite(metadataOnly, HEADERS, NOW).samples).toEqual([]);
  });

  it('refuses another content type, remote write 2.0 and an unsnappied body as unsupported', () => {
    const body = remoteWriteBody([{ metric: 'm', samples: [{ ts: NOW, value: 1 }] }]);
    const cases: RemoteWriteHeaders[] = [
      { ...HEADERS, contentType: 'application/json' },
      { ...HEADERS, contentType: 'application/x-protobuf;proto=io.prometheus.write.v2.Request' },
      { ...HEADERS, contentEncoding: undefined },
      { ...HEADERS, contentEncoding: 'gzip' },
    ];
    for (const headers of cases) {
      expect(refusal(() => parseRemoteWrite(body, headers, NOW))?.reason).toBe(
        'unsupported_format',
      );
    }
    const v1 = { ...HEADERS, contentType: 'application/x-protobuf; proto=prometheus.WriteRequest' };
    expect(parseRemoteWrite(body, v1, NOW).samples).toHaveLength(1);
  });

  it('refuses a block declaring more than the limit before decompressing it', () => {
    // Preamble 0x80 0x80 0x80 0x80 0x04: 1 GiB declared, and no data behind it.
    const declared = new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x04]);
    expect(declaredLength(declared)).toBe(2 ** 30);
    expect(refusal(() => parseRemoteWrite(declared, HEADERS, NOW))).toEqual({
      reason: 'too_large',
      message: expect.stringContaining(`declares ${2 ** 30} bytes uncompressed`),
    });
    const body = remoteWriteBody([{ metric: 'm', samples: [{ ts: NOW, value: 1 }] }]);
    expect(refusal(() => parseRemoteWrite(body, HEADERS, NOW, 4))?.reason).toBe('too_large');
  });

  it('refuses bytes that are not snappy, or not a WriteRequest, as invalid', () => {
    const notSnappy = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const truncated = remoteWriteBody([{ metric: 'm', samples: [{ ts: NOW, value: 1 }] }]).slice(
      0,
      8,
    );
    const notProtobuf = compress(new TextEncoder().encode('{"samples":[]}'));
    for (const body of [notSnappy, truncated, notProtobuf]) {
      expect(refusal(() => parseRemoteWrite(body, HEADERS, NOW))?.reason).toBe('invalid');
    }
  });
});

describe('the label rules of every ingest format', () => {
  const cases: Record<string, string>[] = [
    { gpu: '0', Hostname: 'a' },
    { 'bad-name': 'x' },
    { __meta_kubernetes: 'x' },
    { __proto__: 'x' },
    { long: 'v'.repeat(256) },
    { long: 'v'.repeat(257) },
    Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`l${i}`, 'v'])),
    Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`l${i}`, 'v'])),
  ];

  it.each(cases.map((labels, index) => [index, labels] as const))(
    'refuses label set %i exactly when JSON ingest would',
    (_index, labels) => {
      const wire = [
        { name: '__name__', value: 'm' },
        ...Object.entries(labels).map(([name, value]) => ({ name, value })),
      ];
      const refused = refusal(() => seriesIdentity(wire, 0)) !== undefined;
      expect(refused).toBe(!LabelsSchema.safeParse(labels).success);
    },
  );

  it('names the series and the problem: missing or invalid __name__, duplicates', () => {
    const problems = [
      [{ name: 'job', value: 'x' }],
      [{ name: '__name__', value: 'my.metric' }],
      [
        { name: '__name__', value: 'm' },
        { name: 'gpu', value: '0' },
        { name: 'gpu', value: '1' },
      ],
    ].map((wire) => refusal(() => seriesIdentity(wire, 3))?.message);

    expect(problems).toEqual([
      'timeseries[3] {"job"="x"}: no "__name__" label',
      'timeseries[3] {"__name__"="my.metric"}: metric name "my.metric" must match [a-zA-Z_:][a-zA-Z0-9_:]*',
      'timeseries[3] {"__name__"="m", "gpu"="0", "gpu"="1"}: label "gpu" appears twice',
    ]);
  });

  it('leaves out labels with an empty value, as Prometheus does', () => {
    const wire = [
      { name: '__name__', value: 'm' },
      { name: 'empty', value: '' },
      { name: 'gpu', value: '0' },
    ];
    expect(seriesIdentity(wire, 0)).toEqual({ metric: 'm', labels: { gpu: '0' } });
  });
});
