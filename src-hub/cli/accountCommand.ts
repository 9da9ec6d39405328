import { parseArgs } from 'node:util';
import type { Channel, Role } from '../../src-shared/domain/account.js';
import type { Result } from '../../src-shared/result.js';
import { connectAdmin, type AdminPort } from './adminPort.js';
import { CliError, DEFAULT_DATA_DIR } from './cliError.js';
import { CLUSTER_FLAGS, clusterOptionsFrom } from './clusterFlags.js';

const USAGE = `usage:
  account create --id <id> --name <name> --channel <channel> --person <id> --person-name <name> --role agent|lead|supervisor [--data dir]
  account token  --account <id> --person <id> --person-name <name> --role agent|lead|supervisor [--data dir]
  account revoke --token <tokenId> [--data dir]
  account list [--data dir]
  account webhook-secret --account <id> [--callback <url>] [--data dir]   (platform accounts: prints a new HMAC secret once)
  every action also takes --database-url postgres://… (or HUB_DATABASE_URL) for a hub on a shared PostgreSQL`;

const OPTIONS = {
  data: { type: 'string', default: DEFAULT_DATA_DIR },
  id: { type: 'string' },
  name: { type: 'string' },
  channel: { type: 'string', default: 'webchat' },
  account: { type: 'string' },
  person: { type: 'string' },
  'person-name': { type: 'string' },
  role: { type: 'string', default: 'agent' },
  token: { type: 'string' },
  callback: { type: 'string' },
  'database-url': CLUSTER_FLAGS['database-url'],
} as const;

const ACTIONS = new Set(['create', 'token', 'revoke', 'list', 'webhook-secret']);

export async function accountCommand(args: string[], print: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const action = positionals[0];
  if (!action || !ACTIONS.has(action)) throw new CliError(USAGE);

  const admin = await connectAdmin(values.data, clusterOptionsFrom(values).databaseUrl);
  try {
    if (action === 'list') {
      for (const account of unwrap(await admin.listAccounts())) print(`${account.id}\t${account.channel}\t${account.name}`);
      return;
    }
    if (action === 'webhook-secret') {
      const issued = unwrap(await admin.issueWebhookSecret(required(values.account, 'account'), values.callback));
      print(`webhook secret for ${issued.accountId} (callback: ${issued.callbackUrl ?? 'none'}); shown this once, keep it safe:`);
      return print(issued.secret);
    }
    if (action === 'revoke') {
      unwrap(await admin.revokeToken(required(values.token, 'token')));
      return print(`revoked token ${values.token}`);
    }
    let accountId = values.account;
    if (action === 'create') {
      const account = unwrap(
        await admin.createAccount({ id: required(values.id, 'id'), name: required(values.name, 'name'), channel: values.channel as Channel }),
      );
      print(`created account ${account.id} (${account.name}, ${account.channel})`);
      accountId = account.id;
    }
    await issue(admin, required(accountId, 'account'), values, print);
  } finally {
    await admin.close();
  }
}

async function issue(admin: AdminPort, accountId: string, values: { person?: string; 'person-name'?: string; role: string }, print: (line: string) => void) {
  const personId = required(values.person, 'person');
  const issued = unwrap(
    await admin.issueToken({ accountId, personId, personName: values['person-name'] ?? personId, role: values.role as Role }),
  );
  print(`token ${issued.tokenId} for ${personId} (${values.role}) on ${accountId}; shown this once, keep it safe:`);
  print(issued.token);
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new CliError(`missing --${name}\n${USAGE}`);
  return value;
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CliError(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
