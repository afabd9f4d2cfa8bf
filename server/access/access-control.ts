import type { IncomingHttpHeaders } from 'node:http';
import {
  LOCAL_PERMISSIONS,
  ROLE_PERMISSIONS,
  type AccessMode,
  type ErrorCode,
  type Permission,
  type Role,
  type Session,
} from '../../lib/protocol';
import { createHostCheck, type HostCheck } from '../../lib/host-policy';
import type { TokenStore } from './token-store';

export interface Principal {
  mode: AccessMode;
  /** The token's name, or "local" for whoever sits at a loopback-only aggregator. */
  name: string | null;
  role: Role | null;
  tokenId: string | null;
  permissions: readonly Permission[];
}

export interface ReadersNow {
  liveTokenIds: ReadonlySet<string>;
  localMode: boolean;
}

/** Whether a principal authenticated earlier may still read. */
export function stillReads(principal: Principal, now: ReadersNow): boolean {
  if (principal.mode === 'local') return now.localMode;
  return principal.tokenId !== null && now.liveTokenIds.has(principal.tokenId);
}

export interface Denial {
  status: 401 | 403;
  code: Extract<ErrorCode, 'unauthorized' | 'forbidden'>;
  message: string;
}

export const ANONYMOUS: Principal = {
  mode: 'anonymous',
  name: null,
  role: null,
  tokenId: null,
  permissions: [],
};
const LOCAL: Principal = {
  mode: 'local',
  name: 'local',
  role: 'editor',
  tokenId: null,
  permissions: LOCAL_PERMISSIONS,
};

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The secret from an `Authorization: Bearer …` header; anything else counts as no token. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export interface AccessControlOptions {
  /** Bound to loopback only: with no tokens configured, the local user is an editor. */
  loopback: boolean;
  /** Browser origins allowed to open a socket or send a write; requests without Origin pass. */
  allowedOrigins: readonly string[];
  /** Extra `Host` names to answer to, beside IP literals, localhost and the origins' hosts. */
  allowedHosts?: readonly string[];
}

/** Decides who a request is and what it may do; the same rules for REST and for sockets. */
export class AccessControl {
  private readonly origins: ReadonlySet<string>;
  private readonly hostAllowed: HostCheck;

  constructor(
    private readonly tokens: TokenStore,
    private readonly options: AccessControlOptions,
  ) {
    this.origins = new Set(options.allowedOrigins.map((origin) => origin.toLowerCase()));
    this.hostAllowed = createHostCheck(options.allowedHosts ?? [], options.allowedOrigins);
  }

  /** Undefined when a token was presented but is unknown or revoked: that is an error, not anonymity. */
  authenticate(secret: string | undefined): Principal | undefined {
    if (secret === undefined || secret === '') {
      return this.localMode() ? LOCAL : ANONYMOUS;
    }
    const token = this.tokens.verify(secret);
    if (!token) return undefined;
    return {
      mode: 'token',
      name: token.name,
      role: token.role,
      tokenId: token.id,
      permissions: ROLE_PERMISSIONS[token.role],
    };
  }

  /** Who may read now, taken with reads only, to check principals authenticated earlier. */
  readersNow(): ReadersNow {
    return { liveTokenIds: this.tokens.liveIds(), localMode: this.localMode() };
  }

  localMode(): boolean {
    return this.options.loopback && !this.tokens.hasAny();
  }

  /** Why the principal may not do this, or undefined when it may. */
  deny(principal: Principal | undefined, permission: Permission): Denial | undefined {
    if (!principal) {
      return {
        status: 401,
        code: 'unauthorized',
        message: 'the access token is unknown or revoked; ask an admin for a new one',
      };
    }
    if (principal.permissions.includes(permission)) return undefined;
    if (principal.mode === 'anonymous') {
      return {
        status: 401,
        code: 'unauthorized',
        message: 'send an access token as "Authorization: Bearer <token>"',
      };
    }
    return {
      status: 403,
      code: 'forbidden',
      message: `the ${principal.role ?? principal.mode} role may not ${PERMISSION_VERBS[permission]}`,
    };
  }

  originAllowed(origin: string | undefined): boolean {
    return origin === undefined || this.origins.has(origin.toLowerCase());
  }

  /** The `Host` (or, behind the web app's proxy, `X-Forwarded-Host`) this server must not answer. */
  refusedHost(headers: IncomingHttpHeaders): string | undefined {
    const forwarded = headers['x-forwarded-host'];
    const hosts = [
      headers.host,
      ...(Array.isArray(forwarded) ? forwarded : [forwarded ?? '']).flatMap((list) =>
        list.split(',').filter((host) => host.trim() !== ''),
      ),
    ];
    return hosts.find((host) => !this.hostAllowed(host));
  }
}

const PERMISSION_VERBS: Record<Permission, string> = {
  read: 'read the dashboard',
  annotate: 'create or edit annotations',
  delete: 'delete annotations',
  manage_tokens: 'manage access tokens',
  ingest: 'ingest samples',
};

export function sessionOf(principal: Principal): Session {
  return {
    mode: principal.mode,
    name: principal.name,
    role: principal.role,
    permissions: [...principal.permissions],
  };
}
