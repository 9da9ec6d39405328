import { parseArgs } from 'node:util';
import { startConnector } from './connector.js';

const USAGE = `usage: tsx src-hub/sim/connectorMain.ts --account <id> --secret <secret> [--hub http://127.0.0.1:4600] [--callback-port 4700] [--messages 5] [--interval 1000] [--batch 2] [--platform taobao|jd|douyin]
Point the account's callback at the printed URL first: account webhook-secret --account <id> --callback http://127.0.0.1:4700/callback`;

/** Runs the example connector until Ctrl-C: posts the messages, then keeps printing replies. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hub: { type: 'string', default: 'http://127.0.0.1:4600' },
      account: { type: 'string' },
      secret: { type: 'string' },
      'callback-port': { type: 'string', default: '4700' },
      messages: { type: 'string', default: '5' },
      interval: { type: 'string', default: '1000' },
      batch: { type: 'string', default: '2' },
      platform: { type: 'string', default: 'taobao' },
    },
  });
  if (!values.account || !values.secret || !['taobao', 'jd', 'douyin'].includes(values.platform)) throw new Error(USAGE);
  const connector = await startConnector({
    hubUrl: values.hub,
    accountId: values.account,
    secret: values.secret,
    callbackPort: Number(values['callback-port']),
    messages: Number(values.messages),
    intervalMs: Number(values.interval),
    batchSize: Number(values.batch),
    platform: values.platform as 'taobao' | 'jd' | 'douyin',
    log: (line) => console.log(line),
  });
  console.log(`callback listening on ${connector.callbackUrl}`);
  await connector.posted;
  console.log('all messages posted; waiting for replies (Ctrl-C to stop)');
  process.once('SIGINT', () => void connector.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`error: ${(error as Error).message ?? String(error)}`);
  process.exitCode = 1;
});
