import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  aggregatorStarter,
  connectAs,
  request,
  sampleAnnotation,
} from '../testing/access-fixtures';

const start = aggregatorStarter();

describe('zero-config on loopback', () => {
  it('treats the local user as an editor until the first token exists', async () => {
    const { baseUrl, aggregator } = await start();
    const session = await (await request(baseUrl, 'GET', '/api/session', undefined)).json();
    expect(session).toMatchObject({ mode: 'local', role: 'editor' });
    const created = await request(
      baseUrl,
      'POST',
      '/api/annotations',
      undefined,
      sampleAnnotation(),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await request(baseUrl, 'DELETE', `/api/annotations/${id}`, undefined)).status).toBe(
      403,
    );
    expect((await request(baseUrl, 'GET', '/api/tokens', undefined)).status).toBe(403);

    aggregator.tokens.create('first admin', 'admin');
    expect((await request(baseUrl, 'GET', '/api/panels', undefined)).status).toBe(401);
  });

  it('is not granted when the aggregator is bound to another address', async () => {
    const { baseUrl } = await start({
      access: { loopback: false, allowedOrigins: [] },
    });
    expect((await request(baseUrl, 'GET', '/api/panels', undefined)).status).toBe(401);
  });

  it('refuses to start on a public address with no tokens, saying how to create one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-policy-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          AGGREGATOR_HOST: '0.0.0.0',
          AGGREGATOR_PORT: '0',
          HEADROOM_DATA_DIR: dataDir,
          HEADROOM_SIMULATOR: 'off',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(/refusing to listen on 0\.0\.0\.0/);
      expect(stderr).toMatch(/npm run tokens -- create --role admin/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('origins', () => {
  const allowed = 'http://localhost:3000';

  it('opens sockets only for allowed browser origins', async () => {
    const { baseUrl } = await start();
    const good = await connectAs(baseUrl, undefined, { origin: allowed });
    expect(good).toHaveProperty('socket');
    if ('socket' in good) good.socket.close();
    expect(await connectAs(baseUrl, undefined, { origin: 'https://evil.example' })).toHaveProperty(
      'refused',
    );
  });

  it('refuses a write from another origin and keeps nothing', async () => {
    const { baseUrl, aggregator } = await start();
    const response = await request(
      baseUrl,
      'POST',
      '/api/annotations',
      undefined,
      sampleAnnotation(),
      {
        origin: 'https://evil.example',
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    expect(aggregator.annotations.list({ limit: 10 })).toHaveLength(0);
    const same = await request(baseUrl, 'POST', '/api/annotations', undefined, sampleAnnotation(), {
      origin: allowed,
    });
    expect(same.status).toBe(201);
  });
});

describe('write budget', () => {
  it('answers 429 with Retry-After once a token has used its burst, on REST and sockets alike', async () => {
    const { baseUrl, aggregator } = await start({ writeRateLimit: { burst: 3, perSecond: 0.01 } });
    const token = aggregator.tokens.create('busy editor', 'editor').token;
    const other = aggregator.tokens.create('calm editor', 'editor').token;
    for (let i = 0; i < 3; i++) {
      expect(
        (await request(baseUrl, 'POST', '/api/annotations', token, sampleAnnotation())).status,
      ).toBe(201);
    }
    const limited = await request(baseUrl, 'POST', '/api/annotations', token, sampleAnnotation());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const connected = await connectAs(baseUrl, token);
    if (!('socket' in connected)) throw new Error(connected.refused);
    expect(
      await connected.socket.emitWithAck('annotation:create', sampleAnnotation()),
    ).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    connected.socket.close();
    expect(
      (await request(baseUrl, 'POST', '/api/annotations', other, sampleAnnotation())).status,
    ).toBe(201);
    expect(aggregator.annotations.list({ limit: 10 })).toHaveLength(4);
  });
});

describe('revoking a token', () => {
  it('closes its live sockets and refuses it from then on', async () => {
    const { baseUrl, aggregator } = await start();
    const admin = aggregator.tokens.create('ada', 'admin').token;
    const viewer = aggregator.tokens.create('vera', 'viewer');
    const connected = await connectAs(baseUrl, viewer.token);
    if (!('socket' in connected)) throw new Error(connected.refused);
    const closed = new Promise((resolve) => connected.socket.once('disconnect', resolve));
    expect((await request(baseUrl, 'DELETE', `/api/tokens/${viewer.id}`, admin)).status).toBe(204);
    await closed;
    expect((await request(baseUrl, 'GET', '/api/panels', viewer.token)).status).toBe(401);
    const listed = (await (await request(baseUrl, 'GET', '/api/tokens', admin)).json()) as {
      tokens: { id: string }[];
    };
    expect(listed.tokens.map((t) => t.id)).not.toContain(viewer.id);
    expect(JSON.stringify(listed)).not.toContain('hdr_');
  });
});
