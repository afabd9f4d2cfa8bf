import { z } from 'zod';
import { oneLineText } from './protocol-text';

export const ROLES = ['viewer', 'editor', 'admin', 'ingest', 'wallboard'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ['read', 'annotate', 'delete', 'manage_tokens', 'ingest'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: ['read'],
  editor: ['read', 'annotate'],
  admin: ['read', 'annotate', 'delete', 'manage_tokens', 'ingest'],
  ingest: ['ingest'],
  /** A screen on a wall: it reads, whatever its URL says. */
  wallboard: ['read'],
};

/** Bound to loopback with no tokens configured, whoever is at the machine is an editor who ingests. */
export const LOCAL_PERMISSIONS: readonly Permission[] = ['read', 'annotate', 'ingest'];

export const ACCESS_MODES = ['local', 'token', 'anonymous'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const SessionSchema = z.strictObject({
  mode: z.enum(ACCESS_MODES),
  name: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Session = z.infer<typeof SessionSchema>;

export const TokenCreateSchema = z.strictObject({
  name: oneLineText(64).pipe(
    z.string().regex(/^[\w .@-]+$/, 'names are letters, digits, spaces, "_", ".", "@" or "-"'),
  ),
  role: z.enum(ROLES),
});
export type TokenCreate = z.infer<typeof TokenCreateSchema>;

export const TokenInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfoSchema>;

/** The secret is shown once, at creation; only its hash is kept. */
export const TokenCreatedSchema = TokenInfoSchema.extend({ token: z.string() });
export type TokenCreated = z.infer<typeof TokenCreatedSchema>;

export const TokenListSchema = z.strictObject({ tokens: z.array(TokenInfoSchema) });
