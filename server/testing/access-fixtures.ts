import { io as connect } from 'socket.io-client';
import type { AnnotationCreate, Role } from '../../lib/protocol';
import type { RunningAggregator, TestSocket } from './harness';

export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = ['viewer', 'editor', 'admin', 'ingest', 'anonymous'];

export const sampleAnnotation = (title = 'Image queue overload'): AnnotationCreate => ({
  kind: 'incident',
  severity: 'SEV2',
  title,
  start: Date.now() - 60_000,
  end: null,
});

/** One token per role on a running aggregator; anonymous sends none. */
export function issueTokens(running: RunningAggregator): Record<Caller, string | undefined> {
  const { tokens } = running.aggregator;
  return {
    viewer: tokens.create('vera viewer', 'viewer').token,
    editor: tokens.create('eddie editor', 'editor').token,
    admin: tokens.create('ada admin', 'admin').token,
    ingest: tokens.create('exporter', 'ingest').token,
    anonymous: undefined,
  };
}

export function request(
  baseUrl: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const isText = typeof body === 'string';
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': isText ? 'text/plain' : 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
  });
}

/** Connects with the token in the handshake; resolves with the socket or the refusal's message. */
export function connectAs(
  baseUrl: string,
  token: string | undefined,
  extraHeaders: Record<string, string> = {},
): Promise<{ socket: TestSocket } | { refused: string }> {
  const socket: TestSocket = connect(baseUrl, {
    addTrailingSlash: false,
    transports: ['websocket'],
    reconnection: false,
    auth: token ? { token } : {},
    extraHeaders,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error) => {
      socket.close();
      resolve({ refused: error.message });
    });
  });
}
