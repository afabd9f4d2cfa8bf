import { parseArgs } from 'node:util';
import pino from 'pino';
import { ROLES, TokenCreateSchema } from '../../lib/protocol';
import { TokenStore } from '../access/token-store';
import { loadConfig } from '../config/env';
import { openDataFile } from '../db/open-database';

const USAGE = `usage:
  npm run tokens -- create --role <${ROLES.join('|')}> --name <who or what uses it>
  npm run tokens -- list
  npm run tokens -- revoke <token id>
Tokens live in the database under HEADROOM_DATA_DIR; only a hash of each secret is kept.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function run(store: TokenStore, command: string | undefined, rest: string[]): void {
  switch (command) {
    case 'create': {
      const { values } = parseArgs({
        args: rest,
        options: { role: { type: 'string' }, name: { type: 'string' } },
      });
      const parsed = TokenCreateSchema.safeParse(values);
      if (!parsed.success) {
        fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
      }
      const created = store.create(parsed.data.name, parsed.data.role);
      process.stdout.write(
        `created ${created.role} token ${created.id} for "${created.name}"\n` +
          `${created.token}\n` +
          'Store it now: it is not shown again. Send it as "Authorization: Bearer <token>".\n',
      );
      return;
    }
    case 'list':
      for (const token of store.list()) {
        const used = token.lastUsedAt ? new Date(token.lastUsedAt).toISOString() : 'never';
        process.stdout.write(
          `${token.id}  ${token.role.padEnd(7)}  ${token.name}  (last used ${used})\n`,
        );
      }
      return;
    case 'revoke': {
      const id = rest[0] ?? fail('name the token id to revoke');
      if (!store.revoke(id)) fail(`no live token with id "${id}"`);
      process.stdout.write(
        `revoked ${id}; a running aggregator closes its connections within seconds\n`,
      );
      return;
    }
    default:
      fail(command ? `unknown command "${command}"` : 'name a command');
  }
}

const [command, ...rest] = process.argv.slice(2);
const config = loadConfig();
const { db } = openDataFile(config.dataDir, { logger: pino({ level: 'warn' }) });
try {
  run(new TokenStore(db), command, rest);
} finally {
  db.close();
}
