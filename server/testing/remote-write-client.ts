import { compress } from 'snappyjs';
import { encodeWriteRequest, type WireSeries } from '../ingest/remote-write/write-request';

/**
 * One series as tests write it. Samples are objects, not [ts, value] pairs: V8 rewrites every NaN
 * in an all-number array to one NaN, which would turn a staleness marker into an ordinary NaN.
 */
export interface SeriesToSend {
  metric: string;
  labels?: Record<string, string>;
  samples: readonly { ts: number; value: number }[];
}

export function toWireSeries({ metric, labels = {}, samples }: SeriesToSend): WireSeries {
  return {
    labels: [['__name__', metric] as const, ...Object.entries(labels)]
      .map(([name, value]) => ({ name, value }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    samples: samples.map(({ ts, value }) => ({ timestamp: ts, value })),
  };
}

/** The body a Prometheus sender posts: a snappy block of an encoded prometheus.WriteRequest. */
export function remoteWriteBody(series: readonly (SeriesToSend | WireSeries)[]): Uint8Array {
  const timeseries = series.map((s) => ('metric' in s ? toWireSeries(s) : s));
  return compress(encodeWriteRequest({ timeseries }));
}

export const REMOTE_WRITE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/x-protobuf',
  'content-encoding': 'snappy',
  'x-prometheus-remote-write-version': '0.1.0',
};

/** POSTs a body to /api/v1/write as Prometheus does; headers given here replace the defaults. */
export function postRemoteWrite(
  baseUrl: string,
  body: Uint8Array,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const auth: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  return fetch(`${baseUrl}/api/v1/write`, {
    method: 'POST',
    headers: { ...REMOTE_WRITE_HEADERS, ...auth, ...options.headers },
    body: new Uint8Array(body),
  });
}
