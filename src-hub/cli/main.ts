import { accountCommand } from './accountCommand.js';
import { CliError } from './cliError.js';
import { serveCommand } from './serveCommand.js';

const USAGE = 'usage: main.ts serve [--host 127.0.0.1] [--port 4600] [--data .data/hub] [--no-bot] [--database-url postgres://… [--redis-url redis://…]] [--smtp-port 2525 --relay-host h [--relay-port 25] [--mail-domain d]] | account create|token|revoke|list|webhook-secret …';

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const print = (line: string) => console.log(line);
  if (command === 'serve') return serveCommand(rest, print);
  if (command === 'account') return accountCommand(rest, print);
  throw new CliError(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // parseArgs and our own checks throw for the terminal: one line, no stack.
  const known = error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(`error: ${known ? (error as Error).message : String(error)}`);
  process.exitCode = 1;
});
