export { startStorage, type StorageService } from './startStorage.js';
export { StorageEntry } from './StorageEntry.js';
