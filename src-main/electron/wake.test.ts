import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ok } from '../../src-shared/result.js';
import type { BridgeHandlers } from '../core/index.js';
import { memoryLogger } from '../core/testing/fixtures.js';
import { reconnectOnWake } from './wake.js';

function fakeCore() {
  const calls: [unknown, unknown][] = [];
  const handlers = {
    table: {},
    invoke: async (name: unknown, input: unknown) => (calls.push([name, input]), ok({})),
  } as unknown as BridgeHandlers;
  return { core: { handlers }, calls };
}

describe('reconnectOnWake', () => {
  it.each([['resume'], ['unlock-screen']])('reconnects every offline account on %s', (event) => {
    const power = new EventEmitter();
    const { core, calls } = fakeCore();
    reconnectOnWake(power, core, memoryLogger());
    power.emit(event);
    expect(calls).toEqual([['accounts/reconnect', {}]]);
  });

  it('stops listening when disposed', () => {
    const power = new EventEmitter();
    const { core, calls } = fakeCore();
    reconnectOnWake(power, core, memoryLogger())();
    power.emit('resume');
    power.emit('unlock-screen');
    expect(calls).toEqual([]);
    expect(power.eventNames()).toEqual([]);
  });
});
