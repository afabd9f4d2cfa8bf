import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { aggregatorStarter, connectAs } from '../testing/access-fixtures';

const start = aggregatorStarter();

/** fetch will not send a forged Host, so this speaks plain node:http. */
function get(baseUrl: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Host header', () => {
  it('refuses a DNS-rebinding host on REST with 421, naming the setting', async () => {
    const { baseUrl } = await start();
    const refused = await get(baseUrl, '/api/panels', { host: 'rebind.attacker.example:4000' });
    expect(refused.status).toBe(421);
    expect(JSON.parse(refused.body)).toMatchObject({
      error: { code: 'forbidden_host', message: expect.stringMatching(/HEADROOM_ALLOWED_HOSTS/) },
    });
    for (const host of ['localhost:4000', '127.0.0.1:4000', '[::1]:4000', 'LOCALHOST']) {
      expect((await get(baseUrl, '/api/panels', { host })).status).toBe(200);
    }
  });

  it('checks the browser host the web app forwards, not only the proxy hop', async () => {
    const { baseUrl } = await start();
    const forwarded = { host: '127.0.0.1:4000', 'x-forwarded-host': 'rebind.attacker.example' };
    expect((await get(baseUrl, '/api/health', forwarded)).status).toBe(421);
    const ours = { host: '127.0.0.1:4000', 'x-forwarded-host': 'localhost:3000' };
    expect((await get(baseUrl, '/api/health', ours)).status).toBe(200);
  });

  it('answers configured names and the hosts of allowed origins', async () => {
    const { baseUrl } = await start({
      access: {
        loopback: true,
        allowedOrigins: ['https://ops.example.com'],
        allowedHosts: ['headroom.internal'],
      },
    });
    for (const host of ['headroom.internal:4000', 'ops.example.com', 'headroom.internal.']) {
      expect((await get(baseUrl, '/api/panels', { host })).status).toBe(200);
    }
    expect((await get(baseUrl, '/api/panels', { host: 'evil.headroom.internal' })).status).toBe(
      421,
    );
  });

  it('refuses a socket handshake under a foreign host', async () => {
    const { baseUrl } = await start();
    const refused = await connectAs(baseUrl, undefined, { host: 'rebind.attacker.example' });
    expect(refused).toHaveProperty('refused');
    const accepted = await connectAs(baseUrl, undefined, { host: 'localhost' });
    if (!('socket' in accepted)) throw new Error(accepted.refused);
    accepted.socket.close();
  });
});
