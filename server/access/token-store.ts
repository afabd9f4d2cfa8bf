import { createHash, randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { ROLES, type Role, type TokenCreated, type TokenInfo } from '../../lib/protocol';

/** Secret scanners recognise the prefix; the rest is 256 random bits. */
const TOKEN_PREFIX = 'hdr_';
/** Last-use stamps are a hint for admins, so they are written at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface TokenRow {
  id: string;
  name: string;
  role: string;
  created_at: number;
  last_used_at: number | null;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function toInfo(row: TokenRow): TokenInfo {
  const role = ROLES.find((known) => known === row.role);
  if (!role) throw new Error(`access token ${row.id} has an unknown role "${row.role}"`);
  return {
    id: row.id,
    name: row.name,
    role,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

/**
 * Access tokens, kept as SHA-256 hashes: the secrets are random, so a fast hash is as strong as a
 * slow one, and every request can afford to check one.
 */
export class TokenStore {
  private readonly insert: Statement;
  private readonly byHash: Statement<[string], TokenRow>;
  private readonly active: Statement<[], TokenRow>;
  private readonly revokeOne: Statement<[number, string]>;
  private readonly anyActive: Statement<[], { found: number }>;
  private readonly activeIds: Statement<[], { id: string }>;
  private readonly touch: Statement<[number, string]>;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare(
      `INSERT INTO access_tokens (id, name, role, secret_hash, created_at)
       VALUES (@id, @name, @role, @hash, @createdAt)`,
    );
    this.byHash = db.prepare(
      'SELECT * FROM access_tokens WHERE secret_hash = ? AND revoked_at IS NULL',
    );
    this.active = db.prepare(
      'SELECT * FROM access_tokens WHERE revoked_at IS NULL ORDER BY created_at, id',
    );
    this.revokeOne = db.prepare(
      'UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    );
    this.anyActive = db.prepare(
      'SELECT EXISTS (SELECT 1 FROM access_tokens WHERE revoked_at IS NULL) AS found',
    );
    this.activeIds = db.prepare('SELECT id FROM access_tokens WHERE revoked_at IS NULL');
    this.touch = db.prepare('UPDATE access_tokens SET last_used_at = ? WHERE id = ?');
  }

  create(name: string, role: Role): TokenCreated {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const info: TokenInfo = {
      id: randomBytes(6).toString('hex'),
      name,
      role,
      createdAt: this.now(),
      lastUsedAt: null,
    };
    this.insert.run({ ...info, hash: hashSecret(token) });
    return { ...info, token };
  }

  /** The live token behind a secret, or undefined for an unknown or revoked one. */
  verify(secret: string): TokenInfo | undefined {
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 128) return undefined;
    const row = this.byHash.get(hashSecret(secret));
    if (!row) return undefined;
    const now = this.now();
    if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_RESOLUTION_MS) {
      this.touch.run(now, row.id);
      row.last_used_at = now;
    }
    return toInfo(row);
  }

  list(): TokenInfo[] {
    return this.active.all().map(toInfo);
  }

  revoke(id: string): boolean {
    return this.revokeOne.run(this.now(), id).changes > 0;
  }

  /** Ids of the tokens not revoked; a read only, so it works on a database that cannot write. */
  liveIds(): ReadonlySet<string> {
    return new Set(this.activeIds.all().map((row) => row.id));
  }

  hasAny(): boolean {
    return this.anyActive.get()?.found === 1;
  }
}
