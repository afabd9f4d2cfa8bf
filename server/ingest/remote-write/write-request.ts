import protobuf from 'protobufjs';

// Prometheus remote write 1.0 (prompb/remote.proto and types.proto), only the fields Headroom
// reads: metadata and exemplars are skipped as unknown fields; native histograms are counted.
const PROTO = `
syntax = "proto3";
package prometheus;
message WriteRequest {
  repeated TimeSeries timeseries = 1;
}
message TimeSeries {
  repeated Label labels = 1;
  repeated Sample samples = 2;
  repeated bytes histograms = 4;
}
message Label {
  string name = 1;
  string value = 2;
}
message Sample {
  double value = 1;
  int64 timestamp = 2;
}
`;

export interface WireLabel {
  name: string;
  value: string;
}

export interface WireSample {
  value: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
}

export interface WireSeries {
  labels: WireLabel[];
  samples: WireSample[];
  histograms?: Uint8Array[];
}

export interface WireWriteRequest {
  timeseries: WireSeries[];
}

const WriteRequest = protobuf.parse(PROTO).root.lookupType('prometheus.WriteRequest');
const AS_PLAIN = { longs: Number, arrays: true, defaults: true } as const;

/** Throws when the bytes are not a WriteRequest (protobufjs's own error names the problem). */
export function decodeWriteRequest(bytes: Uint8Array): WireWriteRequest {
  const message = WriteRequest.decode(bytes);
  // The decoder built from PROTO fixes the shape; `longs: Number` turns int64 into plain numbers.
  return WriteRequest.toObject(message, AS_PLAIN) as WireWriteRequest;
}

/** For tests and benchmarks: what a Prometheus sender puts on the wire before snappy. */
export function encodeWriteRequest(request: WireWriteRequest): Uint8Array {
  return WriteRequest.encode(WriteRequest.fromObject(request)).finish();
}
