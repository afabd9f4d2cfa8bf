import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/protocol';
import {
  CALLERS,
  connectAs,
  issueTokens,
  request,
  sampleAnnotation,
  type Caller,
} from '../testing/access-fixtures';
import { startAggregator, type RunningAggregator, type TestSocket } from '../testing/harness';

type Expectation = 'allowed' | 'denied';

interface RestAction {
  name: string;
  /** Builds the request; may prepare what it acts on (an annotation or a token to remove). */
  send(token: string | undefined): Promise<Response>;
  allowed: readonly Caller[];
  success: number;
}

let running: RunningAggregator;
let tokens: Record<Caller, string | undefined>;

const READERS: readonly Caller[] = ['viewer', 'editor', 'admin', 'wallboard'];
const EVERYONE = CALLERS;

function freshAnnotation(): Annotation {
  return running.aggregator.annotations.create(
    { ...sampleAnnotation(), status: 'open', description: '', panels: [], tags: [] },
    'fixture',
  );
}

const now = Date.now();
const REST_ACTIONS: readonly RestAction[] = [
  {
    name: 'GET /api/health',
    send: (t) => request(running.baseUrl, 'GET', '/api/health', t),
    allowed: EVERYONE,
    success: 200,
  },
  {
    name: 'GET /api/session',
    send: (t) => request(running.baseUrl, 'GET', '/api/session', t),
    allowed: EVERYONE,
    success: 200,
  },
  {
    name: 'GET /api/panels',
    send: (t) => request(running.baseUrl, 'GET', '/api/panels', t),
    allowed: READERS,
    success: 200,
  },
  {
    name: 'GET /api/sources',
    send: (t) => request(running.baseUrl, 'GET', '/api/sources', t),
    allowed: READERS,
    success: 200,
  },
  {
    name: 'GET /api/query',
    send: (t) =>
      request(
        running.baseUrl,
        'GET',
        `/api/query?panel=gpu-util&from=${now - 60_000}&to=${now}`,
        t,
      ),
    allowed: READERS,
    success: 200,
  },
  {
    name: 'GET /metrics',
    send: (t) => request(running.baseUrl, 'GET', '/metrics', t),
    allowed: READERS,
    success: 200,
  },
  {
    name: 'POST /api/ingest',
    send: (t) =>
      request(running.baseUrl, 'POST', '/api/ingest', t, {
        samples: [{ metric: 'matrix_probe', value: 1 }],
      }),
    allowed: ['admin', 'ingest'],
    success: 202,
  },
  {
    name: 'POST /api/ingest/prometheus',
    send: (t) => request(running.baseUrl, 'POST', '/api/ingest/prometheus', t, 'matrix_probe 2\n'),
    allowed: ['admin', 'ingest'],
    success: 202,
  },
  {
    name: 'GET /api/annotations',
    send: (t) => request(running.baseUrl, 'GET', '/api/annotations?kind=incident', t),
    allowed: READERS,
    success: 200,
  },
  {
    name: 'POST /api/annotations',
    send: (t) => request(running.baseUrl, 'POST', '/api/annotations', t, sampleAnnotation()),
    allowed: ['editor', 'admin'],
    success: 201,
  },
  {
    name: 'GET /api/annotations/:id',
    send: (t) => request(running.baseUrl, 'GET', `/api/annotations/${freshAnnotation().id}`, t),
    allowed: READERS,
    success: 200,
  },
  {
    name: 'PATCH /api/annotations/:id',
    send: (t) =>
      request(running.baseUrl, 'PATCH', `/api/annotations/${freshAnnotation().id}`, t, {
        status: 'mitigated',
      }),
    allowed: ['editor', 'admin'],
    success: 200,
  },
  {
    name: 'DELETE /api/annotations/:id',
    send: (t) => request(running.baseUrl, 'DELETE', `/api/annotations/${freshAnnotation().id}`, t),
    allowed: ['admin'],
    success: 204,
  },
  {
    name: 'GET /api/wall/focus',
    send: (t) => request(running.baseUrl, 'GET', '/api/wall/focus', t),
    allowed: READERS,
    success: 200,
  },
  {
    name: 'POST /api/wall/focus',
    send: (t) =>
      request(running.baseUrl, 'POST', '/api/wall/focus', t, { incidentId: freshAnnotation().id }),
    allowed: ['editor', 'admin'],
    success: 200,
  },
  {
    name: 'DELETE /api/wall/focus',
    send: (t) => request(running.baseUrl, 'DELETE', '/api/wall/focus', t),
    allowed: ['editor', 'admin'],
    success: 200,
  },
  {
    name: 'GET /api/tokens',
    send: (t) => request(running.baseUrl, 'GET', '/api/tokens', t),
    allowed: ['admin'],
    success: 200,
  },
  {
    name: 'POST /api/tokens',
    send: (t) =>
      request(running.baseUrl, 'POST', '/api/tokens', t, { name: 'new viewer', role: 'viewer' }),
    allowed: ['admin'],
    success: 201,
  },
  {
    name: 'DELETE /api/tokens/:id',
    send: (t) => {
      const target = running.aggregator.tokens.create('short-lived', 'viewer');
      return request(running.baseUrl, 'DELETE', `/api/tokens/${target.id}`, t);
    },
    allowed: ['admin'],
    success: 204,
  },
];

/** What the server holds that a write could change: compared around every denied write. */
function footprint() {
  const { annotations, tokens: store, store: memory } = running.aggregator;
  return {
    annotations: JSON.stringify(annotations.list({ limit: 1_000 })),
    tokens: store.list().length,
    probes: memory.select('matrix_probe', {}).length,
  };
}

beforeAll(async () => {
  running = await startAggregator({ sources: [] });
  tokens = issueTokens(running);
});
afterAll(() => running.close());

describe('REST role matrix', () => {
  const cells = REST_ACTIONS.flatMap((action) =>
    CALLERS.map((caller) => ({
      action,
      caller,
      expected: (action.allowed.includes(caller) ? 'allowed' : 'denied') as Expectation,
    })),
  );

  it.each(cells)('$action.name as $caller is $expected', async ({ action, caller, expected }) => {
    const before = expected === 'denied' ? footprint() : undefined;
    const response = await action.send(tokens[caller]);
    if (expected === 'allowed') {
      expect(response.status).toBe(action.success);
      return;
    }
    expect(response.status).toBe(caller === 'anonymous' ? 401 : 403);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe(caller === 'anonymous' ? 'unauthorized' : 'forbidden');
    // The fixture's own preparation (a fresh annotation or token) is not the caller's doing.
    const after = footprint();
    if (before) expect(after.probes).toBe(before.probes);
    if (action.name === 'POST /api/annotations')
      expect(after.annotations).toBe(before?.annotations);
  });

  it('refuses an unknown token even on a loopback aggregator', async () => {
    const response = await request(running.baseUrl, 'GET', '/api/panels', 'hdr_not-a-real-token');
    expect(response.status).toBe(401);
  });
});

interface SocketAction {
  name: string;
  allowed: readonly Caller[];
  /** Makes what the write acts on before anyone listens, so its own broadcast is not counted. */
  prepare?(): string;
  run(socket: TestSocket, target: string): Promise<{ ok: boolean }>;
}

const SOCKET_ACTIONS: readonly SocketAction[] = [
  {
    name: 'panels:subscribe',
    allowed: READERS,
    run: async (s) => s.emitWithAck('panels:subscribe', { panelIds: ['gpu-util'] }),
  },
  {
    name: 'panels:unsubscribe',
    allowed: READERS,
    run: async (s) => s.emitWithAck('panels:unsubscribe', { panelIds: ['gpu-util'] }),
  },
  {
    name: 'annotations:list',
    allowed: READERS,
    run: async (s) => s.emitWithAck('annotations:list', { kind: 'incident' }),
  },
  {
    name: 'annotation:create',
    allowed: ['editor', 'admin'],
    run: async (s) => s.emitWithAck('annotation:create', sampleAnnotation('socket write')),
  },
  {
    name: 'annotation:update',
    allowed: ['editor', 'admin'],
    prepare: () => freshAnnotation().id,
    run: async (s, id) =>
      s.emitWithAck('annotation:update', { id, changes: { note: 'socket note' } }),
  },
  {
    name: 'annotation:delete',
    allowed: ['admin'],
    prepare: () => freshAnnotation().id,
    run: async (s, id) => s.emitWithAck('annotation:delete', { id }),
  },
];

/** Resolves with the next annotation event an observer sees, whatever it is. */
function nextBroadcast(observer: TestSocket): Promise<string> {
  return new Promise((resolve) => {
    const onUpsert = (annotation: Annotation) => done(`upsert:${annotation.title}`);
    const onDelete = ({ id }: { id: string }) => done(`delete:${id}`);
    const done = (event: string) => {
      observer.off('annotation:upsert', onUpsert);
      observer.off('annotation:delete', onDelete);
      resolve(event);
    };
    observer.on('annotation:upsert', onUpsert);
    observer.on('annotation:delete', onDelete);
  });
}

describe('socket role matrix', () => {
  let observer: TestSocket;
  beforeAll(async () => {
    const connected = await connectAs(running.baseUrl, tokens.admin);
    if (!('socket' in connected)) throw new Error(connected.refused);
    observer = connected.socket;
  });
  afterAll(() => observer.close());

  it('refuses a socket without a token', async () => {
    expect(await connectAs(running.baseUrl, undefined)).toEqual({
      refused: expect.stringMatching(/access token/),
    });
  });

  it('refuses a socket to an ingest token, which may not read', async () => {
    expect(await connectAs(running.baseUrl, tokens.ingest)).toEqual({
      refused: expect.stringMatching(/may not read/),
    });
  });

  const cells = SOCKET_ACTIONS.flatMap((action) =>
    READERS.map((caller) => ({
      action,
      caller,
      expected: (action.allowed.includes(caller) ? 'allowed' : 'denied') as Expectation,
    })),
  );

  it.each(cells)('$action.name as $caller is $expected', async ({ action, caller, expected }) => {
    const connected = await connectAs(running.baseUrl, tokens[caller]);
    if (!('socket' in connected)) throw new Error(connected.refused);
    const { socket } = connected;
    try {
      const prepared = action.prepare && nextBroadcast(observer);
      const target = action.prepare?.();
      await prepared;
      if (expected === 'allowed') {
        expect(await action.run(socket, target ?? '')).toMatchObject({ ok: true });
        return;
      }
      const before = footprint();
      const seen = nextBroadcast(observer);
      const result = await action.run(socket, target ?? '');
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(footprint()).toEqual(before);
      // Broadcasts arrive in the order they were sent, so the marker must be the first one seen.
      running.aggregator.annotations.create(
        { ...sampleAnnotation('marker'), status: 'open', description: '', panels: [], tags: [] },
        'fixture',
      );
      expect(await seen).toBe('upsert:marker');
    } finally {
      socket.close();
    }
  });
});
