import { expect, it } from 'vitest';
import { createKeyedBatchQueue } from './batchQueue.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

it('runs one batch per key at a time; what queues meanwhile is the next batch, in order, at most maxBatch', async () => {
  const batches: string[] = [];
  let release = () => {};
  const queue = createKeyedBatchQueue<number>(async (key, jobs) => {
    batches.push(`${key}:${jobs.join(',')}`);
    if (jobs[0] === 1) await new Promise<void>((resolve) => (release = resolve));
  }, 3);
  queue.push('a', 1);
  await tick(); // the first batch has started and holds the lane
  for (const n of [2, 3, 4, 5]) queue.push('a', n);
  queue.push('b', 9); // another key does not wait for `a`
  await tick();
  expect(batches).toEqual(['a:1', 'b:9']);
  release();
  await queue.drain();
  expect(batches).toEqual(['a:1', 'b:9', 'a:2,3,4', 'a:5']);
});

it('a batch that throws does not stop its lane', async () => {
  const seen: number[] = [];
  const queue = createKeyedBatchQueue<number>(async (_key, jobs) => {
    seen.push(...jobs);
    if (jobs.includes(1)) throw new Error('bug');
  }, 1);
  queue.push('a', 1);
  queue.push('a', 2);
  await queue.drain();
  expect(seen).toEqual([1, 2]);
});
