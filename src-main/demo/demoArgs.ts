import { parseArgs } from 'node:util';

export interface DemoArgs {
  dataDir: string;
  hubPort: number;
  hostPort: number;
  simulate: boolean;
  messages: number;
  intervalMs: number;
}

const port = (value: string, flag: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} must be 0-65535, got ${value}`);
  return n;
};

export function parseDemoArgs(argv: string[]): DemoArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: '.data/demo' },
      'hub-port': { type: 'string', default: '4600' },
      port: { type: 'string', default: '4700' },
      'no-sim': { type: 'boolean', default: false },
      messages: { type: 'string', default: '120' },
      'interval-ms': { type: 'string', default: '6000' },
    },
  });
  return {
    dataDir: values.data,
    hubPort: port(values['hub-port'], '--hub-port'),
    hostPort: port(values.port, '--port'),
    simulate: !values['no-sim'],
    messages: Math.max(0, Number(values.messages) || 0),
    intervalMs: Math.max(50, Number(values['interval-ms']) || 6_000),
  };
}
