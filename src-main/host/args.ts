import { parseArgs } from 'node:util';

export interface HostArgs {
  port: number;
  host: string;
  dataDir: string;
  rendererDir: string;
  verbose: boolean;
}

/** `--port 0 --host 127.0.0.1 --data .data/workstation --renderer dist-renderer --verbose` */
export function parseHostArgs(argv: string[]): HostArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.data/workstation' },
      renderer: { type: 'string', default: 'dist-renderer' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port: not a port: ${values.port}`);
  return { port, host: values.host, dataDir: values.data, rendererDir: values.renderer, verbose: values.verbose };
}
