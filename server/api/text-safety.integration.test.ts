import { describe, expect, it } from 'vitest';
import { ErrorBodySchema, type Annotation } from '../../lib/protocol';
import { aggregatorStarter, request } from '../testing/access-fixtures';

const start = aggregatorStarter();

describe('invisible and direction-changing characters in people’s text', () => {
  it('refuses them in annotation titles, naming the character', async () => {
    const { baseUrl } = await start();
    for (const [title, code] of [
      ['Rollback \u202Egnp.exe', 'U+202E'],
      ['SEV\u200B1 outage', 'U+200B'],
      ['Queue\u0085drained', 'U+0085'],
    ] as const) {
      const response = await request(baseUrl, 'POST', '/api/annotations', undefined, {
        kind: 'change',
        title,
        start: Date.now(),
      });
      expect(response.status).toBe(400);
      expect(ErrorBodySchema.parse(await response.json()).error.message).toContain(code);
    }
  });

  it('removes them from descriptions, keeping the visible text', async () => {
    const { baseUrl } = await start();
    const response = await request(baseUrl, 'POST', '/api/annotations', undefined, {
      kind: 'change',
      title: 'Config push',
      description: 'pasted\u200B from chat \u2066x\u2069\nsecond line',
      start: Date.now(),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as Annotation).description).toBe(
      'pasted from chat x\nsecond line',
    );
  });

  it('refuses them in token names', async () => {
    const running = await start();
    const admin = running.aggregator.tokens.create('ada', 'admin').token;
    const response = await request(running.baseUrl, 'POST', '/api/tokens', admin, {
      name: 'deploy\u202Ebot',
      role: 'ingest',
    });
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.parse(await response.json()).error.message).toContain('U+202E');
  });
});
