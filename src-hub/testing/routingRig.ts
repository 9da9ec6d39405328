import type { Role } from '../../src-shared/domain/account.js';
import type { HubEvent, HubEventOf } from '../../src-shared/hub/events.js';
import type { RoutingConfigInput } from '../routing/routingConfig.js';
import { createFakeClock, type FakeClock } from './fakeClock.js';
import { makeAccount, type AccountFixture } from './fixtures.js';
import { connect, type RecordingSocket } from './sockets.js';
import { startTestHub, type TestHub } from './testHub.js';

/** Short enough for tests; time only moves when a test advances the fake clock anyway. */
export const TEST_GRACE_MS = 5_000;
export const STATS_INTERVAL_MS = 1_000;

/** A real hub whose stamps and routing timers follow a fake clock. */
export async function startRoutingHub(dataDir?: string, clock: FakeClock = createFakeClock()): Promise<{ t: TestHub; clock: FakeClock }> {
  const t = await startTestHub(dataDir, { clock, routing: { offlineGraceMs: TEST_GRACE_MS, statsIntervalMs: STATS_INTERVAL_MS } });
  return { t, clock };
}

/** An account with the given routing config and the usual one token per role. */
export async function routedAccount(t: TestHub, config: RoutingConfigInput): Promise<AccountFixture> {
  const fixture = await makeAccount(t.hub);
  await t.hub.admin.setRoutingConfig(fixture.accountId, config);
  return fixture;
}

/** Another person on the account, connected and synced. */
export async function connectPerson(t: TestHub, accountId: string, personId: string, role: Role = 'agent'): Promise<RecordingSocket> {
  const { token } = await t.hub.admin.issueToken({ accountId, personId, personName: `Person ${personId}`, role });
  const person = connect(t.hub.url, '/agent', { accountId, token, cursor: 0 });
  await person.synced;
  return person;
}

export const ofType = <T extends HubEvent['type']>(events: HubEvent[], type: T): Array<HubEventOf<T>> =>
  events.filter((e): e is HubEventOf<T> => e.type === type);

/** Who each conversation is assigned to now, from the `conversation.assigned` events seen. */
export function assigneesOf(events: HubEvent[]): Map<string, string | null> {
  const assignees = new Map<string, string | null>();
  for (const e of ofType(events, 'conversation.assigned')) assignees.set(e.data.conversationId, e.data.assigneeId);
  return assignees;
}

/** Lets real sockets and storage catch up when a test must show that nothing happened. */
export const settle = (ms = 150): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
