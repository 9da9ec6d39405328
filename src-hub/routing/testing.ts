import { afterAll, afterEach, beforeAll } from 'vitest';
import type { FakeClock } from '../testing/fakeClock.js';
import { startRoutingHub } from '../testing/routingRig.js';
import { closeAllSockets } from '../testing/sockets.js';
import type { TestHub } from '../testing/testHub.js';

/**
 * One routing hub for a test file: started before its tests, sockets closed after
 * each, disposed at the end. Read `t` and `clock` inside tests (set once started).
 */
export function useRoutingHub(): { t: TestHub; clock: FakeClock } {
  const rig = {} as { t: TestHub; clock: FakeClock };
  beforeAll(async () => Object.assign(rig, await startRoutingHub()));
  afterEach(closeAllSockets);
  afterAll(() => rig.t.dispose());
  return rig;
}
