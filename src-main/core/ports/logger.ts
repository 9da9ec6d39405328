/** Structured logging port. Never pass a token or a secret in `fields`. */
export type LogFields = Record<string, unknown>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A logger writing one JSON-ish line per entry (stderr by default). */
export function createLineLogger(
  options: { level?: LogLevel; scope?: string; write?: (line: string) => void } = {},
): Logger {
  const min = rank[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const entry = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (rank[level] < min) return;
    const scope = options.scope ? ` [${options.scope}]` : '';
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    write(`${new Date().toISOString()} ${level.toUpperCase()}${scope} ${message}${extra}`);
  };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/** Adds the same fields (e.g. `accountId`) to every entry. */
export function withFields(log: Logger, base: LogFields): Logger {
  const merge = (fields?: LogFields) => ({ ...base, ...fields });
  return {
    debug: (m, f) => log.debug(m, merge(f)),
    info: (m, f) => log.info(m, merge(f)),
    warn: (m, f) => log.warn(m, merge(f)),
    error: (m, f) => log.error(m, merge(f)),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
