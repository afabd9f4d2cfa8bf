import { describe, expect, it } from 'vitest';
import { openInMemoryDatabase } from '../db/open-database';
import { TokenStore } from './token-store';

describe('TokenStore', () => {
  it('keeps only a hash of each secret', () => {
    const db = openInMemoryDatabase();
    const store = new TokenStore(db);
    const { token, id } = store.create('ci', 'ingest');
    const dump = JSON.stringify(db.prepare('SELECT * FROM access_tokens').all());
    expect(dump).toContain(id);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(4));
  });

  it('verifies a live secret and forgets a revoked one', () => {
    let now = 1_000;
    const store = new TokenStore(openInMemoryDatabase(), () => now);
    expect(store.hasAny()).toBe(false);
    const created = store.create('vera', 'viewer');
    expect(store.verify(created.token)).toMatchObject({
      id: created.id,
      role: 'viewer',
      lastUsedAt: 1_000,
    });
    expect(store.verify(`${created.token}x`)).toBeUndefined();
    expect(store.verify('not even prefixed')).toBeUndefined();
    now = 5_000;
    expect(store.revoke(created.id)).toBe(true);
    expect(store.verify(created.token)).toBeUndefined();
    expect(store.revoke(created.id)).toBe(false);
    expect(store.hasAny()).toBe(false);
  });
});
