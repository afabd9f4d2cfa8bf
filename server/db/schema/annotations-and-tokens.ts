import type { Database } from 'better-sqlite3';

// Version 3: annotations with their timelines, and access tokens (only a hash of each secret).
export function createAnnotationsAndTokens(db: Database): void {
  db.exec(`
    CREATE TABLE annotations (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      severity TEXT,
      status TEXT NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      start_ts INTEGER NOT NULL,
      end_ts INTEGER,
      panels TEXT NOT NULL,
      tags TEXT NOT NULL,
      author TEXT NOT NULL,
      rule_id TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX annotations_start ON annotations (start_ts);
    CREATE TABLE annotation_updates (
      annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      at INTEGER NOT NULL,
      author TEXT NOT NULL,
      action TEXT NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (annotation_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE access_tokens (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL,
      secret_hash TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      last_used_at INTEGER,
      revoked_at INTEGER
    );
  `);
}
