import type { EmailOptions } from '../index.js';
import { CliError } from './cliError.js';

export const EMAIL_FLAGS = {
  'smtp-port': { type: 'string' },
  'relay-host': { type: 'string' },
  'relay-port': { type: 'string', default: '25' },
  'mail-domain': { type: 'string' },
} as const;

const portOf = (flag: string, value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--${flag} must be 0-65535, got ${value}`);
  return port;
};

/** `--smtp-port` turns email on (listening on `host`); it then needs `--relay-host`. */
export function emailOptionsFrom(
  values: { host: string; 'smtp-port'?: string; 'relay-host'?: string; 'relay-port': string; 'mail-domain'?: string },
): EmailOptions | undefined {
  if (values['smtp-port'] === undefined) {
    if (values['relay-host'] !== undefined) throw new CliError('--relay-host needs --smtp-port (email is on only with both)');
    return undefined;
  }
  if (!values['relay-host']) throw new CliError('--smtp-port needs --relay-host: where replies are sent');
  return {
    smtpPort: portOf('smtp-port', values['smtp-port']),
    host: values.host,
    relay: { host: values['relay-host'], port: portOf('relay-port', values['relay-port']) },
    ...(values['mail-domain'] ? { domain: values['mail-domain'] } : {}),
  };
}
