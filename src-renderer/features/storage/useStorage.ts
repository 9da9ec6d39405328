import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { storageOf } from './registry.js';
import type { StorageService } from './startStorage.js';
import type { StorageState } from './storageStore.js';

export function useStorageService(): StorageService {
  const service = storageOf(useServices().db);
  if (!service) throw new Error('storage service not started (createServices)');
  return service;
}

export const useStorage = <T,>(selector: (s: StorageState) => T): T => useStore(useStorageService().store, selector);
