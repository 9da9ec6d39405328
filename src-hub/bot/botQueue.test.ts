import { describe, expect, it } from 'vitest';
import { createBotQueue } from './botQueue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createBotQueue', () => {
  it('runs one job at a time, and a newer job for the same key replaces a waiting one', async () => {
    const ran: string[] = [];
    let active = 0;
    const queue = createBotQueue<string>(
      async (key, job) => {
        active++;
        expect(active).toBe(1);
        await tick();
        ran.push(`${key}:${job}`);
        active--;
      },
      { max: 10, delayMs: 0, log: () => {} },
    );
    queue.offer('a', '1'); // starts at once
    queue.offer('b', '1');
    queue.offer('b', '2'); // replaces b:1, still waiting
    queue.offer('c', '1');
    await tick();
    await tick();
    await queue.stop();
    expect(ran.slice(0, 2)).toEqual(['a:1', 'b:2']);
    expect(ran).not.toContain('b:1');
  });

  it('refuses new keys beyond its size, survives a failing job, and takes nothing after stop', async () => {
    const logs: string[] = [];
    const ran: string[] = [];
    const queue = createBotQueue<string>(
      async (key) => {
        await tick();
        if (key === 'bad') throw new Error('boom');
        ran.push(key);
      },
      { max: 2, delayMs: 0, log: (line) => logs.push(line) },
    );
    expect(queue.offer('bad', 'x')).toBe(true);
    expect(queue.offer('k1', 'x')).toBe(true);
    expect(queue.offer('k2', 'x')).toBe(true);
    expect(queue.offer('k3', 'x')).toBe(false);
    expect(queue.offer('k2', 'y')).toBe(true);
    for (let i = 0; i < 10 && ran.length < 2; i++) await tick();
    expect(ran).toEqual(['k1', 'k2']);
    expect(logs.join()).toContain('boom');
    await queue.stop();
    expect(queue.offer('k4', 'x')).toBe(false);
  });

  it('waits its delay, and a newer job for the same key restarts the wait', async () => {
    const ran: Array<[string, string, number]> = [];
    const started = Date.now();
    const queue = createBotQueue<string>(async (key, job) => void ran.push([key, job, Date.now() - started]), { max: 10, delayMs: 60, log: () => {} });
    queue.offer('a', '1');
    await new Promise((resolve) => setTimeout(resolve, 30));
    queue.offer('a', '2');
    for (let i = 0; i < 40 && ran.length === 0; i++) await tick();
    await queue.stop();
    expect(ran.map(([key, job]) => `${key}:${job}`)).toEqual(['a:2']);
    expect(ran[0]![2]).toBeGreaterThanOrEqual(85);
  });
});
