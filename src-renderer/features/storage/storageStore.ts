import { createStore } from 'zustand/vanilla';
import type { EvictionReport } from '../../db/evict.js';

export interface StorageState {
  /** null: unknown yet, or this browser cannot make storage persistent. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** A write failed even after eviction; stays until retried. `ingest`: incoming messages are paused. */
  failure: { at: number; ingest: boolean } | null;
  lastEviction: (EvictionReport & { at: number; reason: 'quota' | 'manual' }) | null;
  panelOpen: boolean;
}

export const createStorageStore = () =>
  createStore<StorageState>()(() => ({ persisted: null, usage: null, quota: null, failure: null, lastEviction: null, panelOpen: false }));

export type StorageStore = ReturnType<typeof createStorageStore>;
