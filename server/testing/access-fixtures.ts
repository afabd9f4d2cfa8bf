import { io as connect } from 'socket.io-client';
import { afterEach } from 'vitest';
import type { AnnotationCreate, Role } from '../../lib/protocol';
import type { AggregatorDeps } from '../app';
import { startAggregator, type RunningAggregator, type TestSocket } from './harness';

export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = [
  'viewer',
  'editor',
  'admin',
  'ingest',
  'wallboard',
  'anonymous',
];

export const sampleAnnotation = (title = 'Image queue overload'): AnnotationCreate => ({
  kind: 'incident',
  severity: 'SEV2',
  title,
  start: Date.now() - 60_000,
  end: null,
});

export type StartAggregator = (overrides?: Partial<AggregatorDeps>) => Promise<RunningAggregator>;

/** Starts aggregators with no data sources; each is closed after its test, unless closed before. */
export function aggregatorStarter(): StartAggregator {
  const open = new Set<RunningAggregator>();
  afterEach(async () => {
    await Promise.all([...open].map((running) => running.close()));
  });
  return async (overrides = {}) => {
    const running = await startAggregator({ sources: [], ...overrides });
    const tracked: RunningAggregator = {
      ...running,
      close: () => {
        open.delete(tracked);
        return running.close();
      },
    };
    open.add(tracked);
    return tracked;
  };
}

/** One token per role on a running aggregator; anonymous sends none. */
export function issueTokens(running: RunningAggregator): Record<Caller, string | undefined> {
  const { tokens } = running.aggregator;
  return {
    viewer: tokens.create('vera viewer', 'viewer').token,
    editor: tokens.create('eddie editor', 'editor').token,
    admin: tokens.create('ada admin', 'admin').token,
    ingest: tokens.create('exporter', 'ingest').token,
    wallboard: tokens.create('lobby tv', 'wallboard').token,
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
