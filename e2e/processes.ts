import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface Started {
  child: ChildProcess;
  /** The first stdout match of `pattern`. */
  match: RegExpMatchArray;
  output: () => string;
}

const TSX = ['node_modules/.bin/tsx'];

/** Runs a TypeScript entry with tsx and waits until its stdout prints `pattern`. */
export async function startTs(entry: string, args: string[], pattern: RegExp, timeoutMs = 60_000): Promise<Started> {
  const child = spawn(TSX[0]!, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise<Started>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not print ${pattern} in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = out.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before printing ${pattern}:\n${out}`));
    });
  });
}

/** Runs a TypeScript CLI to completion and returns its stdout. */
export async function runTs(entry: string, args: string[]): Promise<string> {
  const child = spawn(TSX[0]!, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let out = '';
  let errOut = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (errOut += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${entry} ${args.join(' ')} exited with ${code}:\n${out}\n${errOut}`);
  return out;
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
