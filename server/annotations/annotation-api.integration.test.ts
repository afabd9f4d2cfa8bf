import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/protocol';
import {
  aggregatorStarter,
  connectAs,
  request,
  sampleAnnotation,
} from '../testing/access-fixtures';
import { HistoryStore } from '../samples/history/history-store';

const start = aggregatorStarter();

const post = (baseUrl: string, body: unknown) =>
  request(baseUrl, 'POST', '/api/annotations', undefined, body);

describe('annotations over REST', () => {
  it('creates, lists by range and kind, edits with a timeline, resolves and deletes', async () => {
    const { baseUrl, aggregator } = await start();
    const began = Date.now() - 30 * 60_000;
    const created = await post(baseUrl, { ...sampleAnnotation(), start: began, end: null });
    expect(created.status).toBe(201);
    const incident = (await created.json()) as Annotation;
    expect(incident).toMatchObject({
      kind: 'incident',
      status: 'open',
      end: null,
      author: 'local',
    });
    await post(baseUrl, { kind: 'change', title: 'Rate limits on', start: began - 3_600_000 });

    const listed = async (query: string) =>
      (
        (await (await request(baseUrl, 'GET', `/api/annotations?${query}`, undefined)).json()) as {
          annotations: Annotation[];
        }
      ).annotations.map((a) => a.title);
    expect(await listed(`from=${began - 60_000}&to=${Date.now()}`)).toEqual([incident.title]);
    expect(await listed('kind=change')).toEqual(['Rate limits on']);
    expect(await listed('kind=change,incident')).toHaveLength(2);

    const patched = await request(baseUrl, 'PATCH', `/api/annotations/${incident.id}`, undefined, {
      status: 'resolved',
      note: 'new cluster online',
    });
    expect(patched.status).toBe(200);
    const resolved = (await patched.json()) as Annotation;
    expect(resolved.end).toBeGreaterThanOrEqual(began);
    expect(resolved.timeline.map((entry) => entry.action)).toEqual([
      'created',
      'status',
      'ended',
      'note',
    ]);

    const admin = aggregator.tokens.create('ada', 'admin').token;
    expect(
      (await request(baseUrl, 'DELETE', `/api/annotations/${incident.id}`, admin)).status,
    ).toBe(204);
    expect((await request(baseUrl, 'GET', `/api/annotations/${incident.id}`, admin)).status).toBe(
      404,
    );
  });

  it.each([
    ['no title', { kind: 'change', start: 1 }, /title/],
    ['an incident without severity', { kind: 'incident', title: 'x', start: 1 }, /severity/],
    [
      'a severity on a change',
      { kind: 'change', severity: 'SEV1', title: 'x', start: 1 },
      /severity/,
    ],
    ['an end before the start', { kind: 'change', title: 'x', start: 10, end: 5 }, /end/],
    ['an unknown field', { kind: 'change', title: 'x', start: 1, html: '<b>' }, /html/],
    ['a 201-character title', { kind: 'change', title: 'x'.repeat(201), start: 1 }, /200/],
    ['a line break in the title', { kind: 'change', title: 'a\nb', start: 1 }, /one line/],
    [
      'a control character',
      { kind: 'change', title: 'x', description: 'bell\u0007', start: 1 },
      /control/,
    ],
    ['an unknown kind', { kind: 'outage', title: 'x', start: 1 }, /kind/],
  ])('refuses %s with 400 naming the field, keeping nothing', async (_name, body, message) => {
    const { baseUrl, aggregator } = await start();
    const response = await post(baseUrl, body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(message);
    expect(aggregator.annotations.list({ limit: 10 })).toHaveLength(0);
  });

  it('refuses a 1 MB title with 413 and a body that is not JSON with 415', async () => {
    const { baseUrl, aggregator } = await start();
    const huge = await post(baseUrl, { kind: 'change', title: 'x'.repeat(1_100_000), start: 1 });
    expect(huge.status).toBe(413);
    const text = await request(baseUrl, 'POST', '/api/annotations', undefined, 'title=x');
    expect(text.status).toBe(415);
    expect(aggregator.annotations.list({ limit: 10 })).toHaveLength(0);
  });

  it('keeps hostile text verbatim as plain text: rendering is what makes it inert', async () => {
    const { baseUrl } = await start();
    const title = '<script>alert(1)</script> javascript:alert(1)';
    const created = (await (
      await post(baseUrl, {
        kind: 'change',
        title,
        description: '<img src=x onerror=alert(1)>',
        start: 1,
      })
    ).json()) as Annotation;
    expect(created.title).toBe(title);
    expect(created.description).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses a patch that ends a region before it starts, changing nothing', async () => {
    const { baseUrl } = await start();
    const created = (await (
      await post(baseUrl, { ...sampleAnnotation(), start: 5_000 })
    ).json()) as Annotation;
    const response = await request(baseUrl, 'PATCH', `/api/annotations/${created.id}`, undefined, {
      end: 1_000,
    });
    expect(response.status).toBe(409);
    const after = (await (
      await request(baseUrl, 'GET', `/api/annotations/${created.id}`, undefined)
    ).json()) as Annotation;
    expect(after).toEqual(created);
  });
});

describe('annotations over sockets', () => {
  it('pushes every change to every connected viewer as it happens', async () => {
    const { baseUrl, aggregator } = await start();
    const viewer = await connectAs(baseUrl, undefined);
    const writer = await connectAs(baseUrl, undefined);
    if (!('socket' in viewer) || !('socket' in writer)) throw new Error('not connected');
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      viewer.socket.on('annotation:upsert', (a) => seen.push(`${a.status}:${a.title}`));
      viewer.socket.on('annotation:delete', () => resolve());
    });
    const created = await writer.socket.emitWithAck('annotation:create', sampleAnnotation());
    if (!created.ok) throw new Error(created.error.message);
    const updated = await writer.socket.emitWithAck('annotation:update', {
      id: created.data.id,
      changes: { status: 'resolved' },
    });
    expect(updated).toMatchObject({ ok: true, data: { status: 'resolved' } });
    aggregator.annotations.delete(created.data.id);
    await done;
    expect(seen).toEqual(['open:Image queue overload', 'resolved:Image queue overload']);
    viewer.socket.close();
    writer.socket.close();
  });

  it('drops a client that sends a 1 MB payload, keeps serving others, stores nothing', async () => {
    const { baseUrl, aggregator } = await start();
    const connected = await connectAs(baseUrl, undefined);
    if (!('socket' in connected)) throw new Error(connected.refused);
    const dropped = new Promise((resolve) => connected.socket.once('disconnect', resolve));
    connected.socket.emit(
      'annotation:create',
      { kind: 'change', title: 'x'.repeat(1_000_000), start: 1 },
      () => undefined,
    );
    await dropped;
    expect(aggregator.annotations.list({ limit: 10 })).toHaveLength(0);
    expect((await request(baseUrl, 'GET', '/api/health', undefined)).status).toBe(200);
  });

  it('answers a malformed write with invalid_request and no broadcast', async () => {
    const { baseUrl, aggregator } = await start();
    const connected = await connectAs(baseUrl, undefined);
    if (!('socket' in connected)) throw new Error(connected.refused);
    const result = await connected.socket.emitWithAck('annotation:create', {
      kind: 'incident',
      title: 'no severity',
      start: 1,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(aggregator.annotations.list({ limit: 10 })).toHaveLength(0);
    connected.socket.close();
  });
});

describe('persistence', () => {
  it('keeps annotations and their timelines across a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-annotations-'));
    const logger = pino({ level: 'silent' });
    try {
      const first = await start({ history: HistoryStore.open({ dataDir, logger }) });
      const created = (await (await post(first.baseUrl, sampleAnnotation())).json()) as Annotation;
      await request(first.baseUrl, 'PATCH', `/api/annotations/${created.id}`, undefined, {
        note: 'paged the image team',
      });
      await first.close();
      const second = await start({ history: HistoryStore.open({ dataDir, logger }) });
      const reloaded = (await (
        await request(second.baseUrl, 'GET', `/api/annotations/${created.id}`, undefined)
      ).json()) as Annotation;
      expect(reloaded.timeline.map((entry) => entry.text)).toEqual([
        'created incident',
        'paged the image team',
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
