import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, eventually } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';
import { startBurst } from './burst.js';
import { checkBurstProfile, messagesDueBy, type BurstProfile } from './burstProfile.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

describe('618 burst profile', () => {
  const profile: BurstProfile = { peakPerSecond: 100, rampMs: 1_000, holdMs: 2_000, maxMessages: 1_000 };
  it.each([
    [0, 0],
    [500, 12], // half way up the ramp: a quarter of the ramp's 50
    [1_000, 50],
    [2_000, 150],
    [3_000, 250],
    [60_000, 250], // it ends
  ])('has sent %i ms in: %i', (elapsed, expected) => {
    expect(messagesDueBy(profile, elapsed)).toBe(expected);
  });

  it('never exceeds maxMessages and refuses profiles beyond the hard limits', () => {
    expect(messagesDueBy({ ...profile, maxMessages: 40 }, 60_000)).toBe(40);
    expect(checkBurstProfile(profile)).toBeNull();
    expect(checkBurstProfile({ ...profile, peakPerSecond: 1e6 })).toMatch(/peakPerSecond/);
    expect(checkBurstProfile({ ...profile, holdMs: 3_600_000 })).toMatch(/ramp \+ hold/);
    expect(checkBurstProfile({ ...profile, maxMessages: 0 })).toMatch(/maxMessages/);
  });

  it('refuses a hub that is not on loopback', () => {
    expect(() => startBurst({ hubUrl: 'http://shop.example.com:4600', accountIds: ['a'], profile })).toThrow(/loopback/);
  });

  it('plays the surge through /customer and stops by itself, bounded in count', async () => {
    const shop = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, shop);
    const burst = startBurst({ hubUrl: t.hub.url, accountIds: [shop.accountId], profile: { peakPerSecond: 40, rampMs: 300, holdMs: 700, maxMessages: 25 } });
    await burst.finished;
    expect({ issued: burst.issued, acked: burst.acked, failed: burst.failed }).toEqual({ issued: 25, acked: 25, failed: 0 });
    const customerLines = () => agent.events.filter((e) => e.type === 'message.created' && e.data.author.kind === 'customer');
    await eventually(() => expect(customerLines()).toHaveLength(25));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(customerLines()).toHaveLength(25);
  });
});
