import { PrometheusParseError } from './exposition-scanner';
import type { ParseOptions, ParseResult } from './exposition-types';
import { parseOpenMetricsText } from './openmetrics-text';
import { parsePrometheusText } from './prometheus-text';

export const EXPOSITION_FORMATS = ['prometheus', 'openmetrics'] as const;
export type ExpositionFormat = (typeof EXPOSITION_FORMATS)[number];

/** A content type, version or charset this endpoint does not read; the message names it. */
export class UnsupportedExpositionError extends Error {
  override readonly name = 'UnsupportedExpositionError';
}

const OM = 'application/openmetrics-text; version=1.0.0';
const VERSIONS: Record<ExpositionFormat, readonly string[]> = {
  prometheus: ['0.0.4', '1.0.0'],
  openmetrics: ['1.0.0', '0.0.1'],
};

/** `application/openmetrics-text` selects OpenMetrics 1.0; `text/plain` (or none), Prometheus. */
export function expositionFormat(contentType: string | undefined): ExpositionFormat {
  const [rawType = '', ...rawParams] = (contentType ?? '').split(';');
  const type = rawType.trim().toLowerCase();
  const format =
    type === 'application/openmetrics-text'
      ? 'openmetrics'
      : type === '' || type === 'text/plain'
        ? 'prometheus'
        : undefined;
  if (!format) throw new UnsupportedExpositionError(`send the body as text/plain or ${OM}`);
  for (const param of rawParams) {
    const [key = '', value = ''] = param.split('=').map((part) => part.trim());
    const lower = value.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (key.toLowerCase() === 'charset' && lower !== 'utf-8') {
      throw new UnsupportedExpositionError(`charset ${lower} is not read: send utf-8`);
    }
    if (key.toLowerCase() === 'version' && !VERSIONS[format].includes(lower)) {
      const known = VERSIONS[format].join(' or ');
      throw new UnsupportedExpositionError(`${type} version ${lower} is not read: send ${known}`);
    }
  }
  return format;
}
/** Decodes the body, refusing invalid UTF-8 and a byte order mark instead of replacing them. */
export function decodeExposition(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new PrometheusParseError(1, 'byte order mark at the start: send UTF-8 without one');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new PrometheusParseError(...firstInvalidUtf8(bytes));
  }
}

function firstInvalidUtf8(bytes: Uint8Array): [number, string] {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return [line, 'invalid UTF-8: the formats are UTF-8 text, and this line is not'];
    }
    start = stop + 1;
  }
  return [line - 1, 'invalid UTF-8'];
}

export function parseExposition(
  bytes: Uint8Array,
  format: ExpositionFormat,
  options?: ParseOptions,
): ParseResult {
  const text = decodeExposition(bytes);
  return format === 'openmetrics'
    ? parseOpenMetricsText(text, options)
    : parsePrometheusText(text, options);
}
