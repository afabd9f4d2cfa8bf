import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WallFocusState } from '../../lib/protocol';
import { request, sampleAnnotation } from '../testing/access-fixtures';
import {
  connectClient,
  startAggregator,
  type RunningAggregator,
  type TestSocket,
} from '../testing/harness';

let running: RunningAggregator;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  running = await startAggregator({ sources: [] });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => running.close());

async function wallboard(): Promise<TestSocket> {
  const socket = await connectClient(running.baseUrl);
  sockets.push(socket);
  return socket;
}

const nextFocus = (socket: TestSocket) =>
  new Promise<WallFocusState>((resolve) => socket.once('wall:focus', resolve));

async function openIncident(): Promise<string> {
  const response = await request(running.baseUrl, 'POST', '/api/annotations', undefined, {
    ...sampleAnnotation('GPU saturation'),
    panels: ['gpu-util'],
  });
  return ((await response.json()) as { id: string }).id;
}

describe('wall focus', () => {
  it('pushes a focus to every wallboard and lets go when the incident resolves', async () => {
    const screens = await Promise.all([wallboard(), wallboard()]);
    const id = await openIncident();
    const focused = screens.map(nextFocus);
    const post = await request(running.baseUrl, 'POST', '/api/wall/focus', undefined, {
      incidentId: id,
    });
    expect(post.status).toBe(200);
    for (const state of await Promise.all(focused)) {
      expect(state.focus?.incident).toMatchObject({ id, panels: ['gpu-util'] });
    }
    const read = await request(running.baseUrl, 'GET', '/api/wall/focus', undefined);
    expect(((await read.json()) as WallFocusState).focus?.incident.id).toBe(id);

    const released = screens.map(nextFocus);
    await request(running.baseUrl, 'PATCH', `/api/annotations/${id}`, undefined, {
      status: 'resolved',
    });
    for (const state of await Promise.all(released)) expect(state.focus).toBeNull();
  });

  it('clears by DELETE, and refuses an incident that does not exist or is resolved', async () => {
    const screen = await wallboard();
    const id = await openIncident();
    await request(running.baseUrl, 'POST', '/api/wall/focus', undefined, { incidentId: id });
    const cleared = nextFocus(screen);
    const response = await request(running.baseUrl, 'DELETE', '/api/wall/focus', undefined);
    expect(((await response.json()) as WallFocusState).focus).toBeNull();
    expect((await cleared).focus).toBeNull();

    const missing = await request(running.baseUrl, 'POST', '/api/wall/focus', undefined, {
      incidentId: 'no-such-incident',
    });
    expect(missing.status).toBe(404);
    await request(running.baseUrl, 'PATCH', `/api/annotations/${id}`, undefined, {
      status: 'resolved',
    });
    const resolved = await request(running.baseUrl, 'POST', '/api/wall/focus', undefined, {
      incidentId: id,
    });
    expect(resolved.status).toBe(409);
  });
});
