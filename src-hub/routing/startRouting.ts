import type { Namespace, Socket } from 'socket.io';
import type { HubAccount } from '../../src-shared/domain/account.js';
import type { QueueStats } from '../../src-shared/domain/queue.js';
import { describeZodError, err, ok, type Result } from '../../src-shared/result.js';
import type { AgentIdentity } from '../auth/authenticateAgent.js';
import { identityOf } from '../agent/session.js';
import type { HubContext } from '../context.js';
import { findAccount } from '../store/accounts.js';
import { readCapacity } from '../store/presence.js';
import { saveRoutingConfig } from '../store/queuesConfig.js';
import { breachKeyOf } from '../store/queuesSla.js';
import { agentOf, createAccountRouting, type AccountRouting, type AgentPresence } from './accountRouting.js';
import { createAccountWorkers } from './accountWorker.js';
import { applyHubEvent } from './applyHubEvent.js';
import { assignQueued } from './autoAssign.js';
import type { Clock } from './clock.js';
import { loadRoutingState } from './loadRoutingState.js';
import { moveToLanguageQueue } from './moveToLanguageQueue.js';
import { computeQueueStats } from './queueStats.js';
import { recordPresence } from './recordPresence.js';
import { recordSlaBreach } from './recordSlaBreach.js';
import { RoutingConfig, serves } from './routingConfig.js';
import { DEFAULT_OFFLINE_GRACE_MS, DEFAULT_STATS_INTERVAL_MS, type RoutingOptions } from './routingOptions.js';
import { slaDueOf } from './slaDue.js';
import { createSlaTimers } from './slaTimers.js';
import { startStatsBroadcaster, statsRoom } from './statsBroadcaster.js';

export interface Routing {
  /** Presence hook for every /agent connection: online now, offline after the grace once the last one closes. */
  agentConnected(socket: Socket, identity: AgentIdentity): void;
  getConfig(accountId: string): Promise<Result<RoutingConfig>>;
  /** Validates, stores and applies an account's routing config (defaults fill what it leaves out). */
  setConfig(accountId: string, raw: unknown): Promise<Result<RoutingConfig>>;
  statsOf(accountId: string): QueueStats[];
  servingNow(accountId: string, queue: string): number;
  /** Resolves once routing's own writes in flight are done (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

const watchesStats = (identity: AgentIdentity) => identity.person.role === 'lead' || identity.person.role === 'supervisor';

/**
 * Queues, presence, auto-assignment, SLA timers and live queue numbers. Its state
 * is rebuilt from the store at start (SLA clocks and offline graces resume) and
 * kept current from the event bus; its own changes go through the journal like
 * everyone's. Start it before the hub listens.
 */
export async function startRouting(ctx: HubContext, deps: { nsp: Namespace; clock: Clock; options?: RoutingOptions }): Promise<Routing> {
  const { clock } = deps;
  const graceMs = deps.options?.offlineGraceMs ?? DEFAULT_OFFLINE_GRACE_MS;
  const states = await loadRoutingState(ctx.db, clock.now());
  let stopped = false;

  const ensureState = (account: Pick<HubAccount, 'id' | 'channel'>): AccountRouting => {
    const known = states.get(account.id);
    if (known) return known;
    const state = createAccountRouting(account.id, account.channel);
    states.set(account.id, state);
    return state;
  };

  const workers = createAccountWorkers(async (accountId) => {
    const state = states.get(accountId);
    if (!state || stopped) return;
    for (const [conversationId, to] of [...state.languageMoves]) {
      state.languageMoves.delete(conversationId);
      const from = state.conversations.get(conversationId)?.queue;
      if (from) await moveToLanguageQueue(ctx, { accountId, conversationId, from, to });
    }
    await assignQueued(ctx, state);
  }, ctx.log);

  const refreshSla = (state: AccountRouting, conversationId: string) => {
    const conversation = state.conversations.get(conversationId);
    const due = conversation ? slaDueOf(conversation, state.config.sla) : null;
    const reported = due !== null && state.breaches.has(breachKeyOf({ conversationId, ...due }));
    slaTimers.set(state.accountId, conversationId, reported ? null : due);
  };

  const slaTimers = createSlaTimers(clock, (accountId, conversationId) => {
    const state = states.get(accountId);
    const conversation = state?.conversations.get(conversationId);
    if (!state || !conversation || stopped) return;
    const due = slaDueOf(conversation, state.config.sla);
    if (!due) return;
    if (due.dueAt > clock.now()) return refreshSla(state, conversationId);
    const key = breachKeyOf({ conversationId, ...due });
    if (state.breaches.has(key)) return;
    state.breaches.add(key);
    recordSlaBreach(ctx, accountId, { conversationId, queue: conversation.queue, kind: due.kind, dueAt: due.dueAt, assigneeId: conversation.assigneeId }).catch((error: unknown) => {
      state.breaches.delete(key);
      ctx.log(`routing: SLA breach of ${conversationId} not recorded: ${String(error)}`);
    });
  });

  const goOfflineLater = (state: AccountRouting, agent: AgentPresence) => {
    if (agent.graceTimer !== null) clock.clearTimeout(agent.graceTimer);
    agent.graceTimer = clock.setTimeout(() => {
      agent.graceTimer = null;
      if (stopped || agent.connections > 0 || agent.status === 'offline') return;
      agent.status = 'offline'; // at once: no assignment may pick them while the record is written
      recordPresence(ctx, { accountId: state.accountId, person: agent.person, status: 'offline' }).catch((error: unknown) =>
        ctx.log(`routing: ${agent.person.id} could not go offline: ${String(error)}`),
      );
    }, graceMs);
  };

  const unsubscribe = ctx.bus.subscribe(null, (accountId, event) => {
    const state = states.get(accountId) ?? (event.type === 'conversation.upsert' ? ensureState({ id: accountId, channel: event.data.channel }) : null);
    if (!state) return;
    const effects = applyHubEvent(state, event);
    for (const id of effects.slaChanged) refreshSla(state, id);
    if (effects.kick) workers.kick(accountId);
    const personId = effects.presenceOf;
    if (personId !== null) {
      readCapacity(ctx.db, accountId, personId).then(
        (capacity) => {
          const agent = state.agents.get(personId);
          if (agent) agent.capacity = capacity;
          workers.kick(accountId);
        },
        (error: unknown) => ctx.log(`routing: capacity of ${personId} not read: ${String(error)}`),
      );
    }
  });

  const broadcaster = startStatsBroadcaster({ nsp: deps.nsp, clock, intervalMs: deps.options?.statsIntervalMs ?? DEFAULT_STATS_INTERVAL_MS, states: () => states.values() });

  // After a restart: clocks resume, and whoever was present must come back within the grace.
  for (const state of states.values()) {
    for (const id of state.conversations.keys()) refreshSla(state, id);
    for (const agent of state.agents.values()) if (agent.status !== 'offline') goOfflineLater(state, agent);
  }

  // Beside the namespace's own connection handler: the auth middleware has set the identity by now.
  deps.nsp.on('connection', (socket) => routing.agentConnected(socket, identityOf(socket)));

  const routing: Routing = {
    agentConnected(socket, identity) {
      const state = ensureState(identity.account);
      const agent = agentOf(state, identity.person, clock.now());
      agent.connections += 1;
      if (agent.graceTimer !== null) clock.clearTimeout(agent.graceTimer);
      agent.graceTimer = null;
      if (watchesStats(identity)) {
        state.statsWatchers += 1;
        void socket.join(statsRoom(state.accountId));
        broadcaster.sendNow(socket, state);
      }
      socket.once('disconnect', () => {
        agent.connections -= 1;
        if (watchesStats(identity)) state.statsWatchers -= 1;
        if (agent.connections === 0 && agent.status !== 'offline') goOfflineLater(state, agent);
      });
      if (agent.status !== 'offline') return;
      agent.status = 'online'; // at once: a second connection racing this one records nothing more
      recordPresence(ctx, { accountId: state.accountId, person: identity.person, status: 'online' }).catch((error: unknown) =>
        ctx.log(`routing: ${identity.person.id} could not go online: ${String(error)}`),
      );
    },
    async getConfig(accountId) {
      const state = states.get(accountId);
      if (state) return ok(state.config);
      return (await findAccount(ctx.db, accountId)) ? ok(RoutingConfig.parse({})) : err('not-found', `no account ${accountId}`);
    },
    async setConfig(accountId, raw) {
      const parsed = RoutingConfig.safeParse(raw);
      if (!parsed.success) return err('validation', describeZodError(parsed.error));
      const account = await findAccount(ctx.db, accountId);
      if (!account) return err('not-found', `no account ${accountId}`);
      await saveRoutingConfig(ctx.db, accountId, parsed.data, clock.now());
      const state = ensureState(account);
      state.config = parsed.data;
      for (const id of state.conversations.keys()) refreshSla(state, id);
      workers.kick(accountId);
      return ok(parsed.data);
    },
    servingNow: (accountId, queue) => {
      const state = states.get(accountId);
      if (!state) return 0;
      return [...state.agents.values()].filter((a) => a.status === 'online' && serves(state.config, queue, a.person)).length;
    },
    statsOf: (accountId) => {
      const state = states.get(accountId);
      return state ? computeQueueStats(state, clock.now()) : [];
    },
    idle: () => workers.idle(),
    stop() {
      stopped = true;
      unsubscribe();
      broadcaster.stop();
      slaTimers.stop();
      for (const state of states.values()) for (const agent of state.agents.values()) if (agent.graceTimer !== null) clock.clearTimeout(agent.graceTimer);
    },
  };
  return routing;
}
