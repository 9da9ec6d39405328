import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WorkstationBridge } from '../../src-shared/index.js';
import type { AiClient } from '../ai/aiClient.js';
import type { WorkstationDb } from '../db/schema.js';
import type { AccountsState, AccountsStore } from '../features/accounts/accountsStore.js';
import type { QueueStatsState, QueueStatsStore } from '../features/dashboard/index.js';
import type { Notifier } from '../features/notifications/notifier.js';
import type { RulesStore } from '../features/notifications/rulesStore.js';
import type { Outbox } from '../features/outbox/outboxSender.js';
import type { InboxState, InboxStore } from '../features/inbox/inboxStore.js';

/** Everything components reach outside React: one object, made once in main.tsx. */
export interface Services {
  bridge: WorkstationBridge;
  db: WorkstationDb;
  accounts: AccountsStore;
  inbox: InboxStore;
  outbox: Outbox;
  rules: RulesStore;
  notify: Notifier;
  ai: AiClient;
  /** The hub's live queue numbers (leads and supervisors), fed all session by the sampler. */
  queueStats: QueueStatsStore;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

export const useAccounts = <T,>(selector: (s: AccountsState) => T): T => useStore(useServices().accounts, selector);
export const useInbox = <T,>(selector: (s: InboxState) => T): T => useStore(useServices().inbox, selector);
export const useQueueStats = <T,>(selector: (s: QueueStatsState) => T): T => useStore(useServices().queueStats, selector);
