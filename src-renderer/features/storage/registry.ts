import type { StorageService } from './startStorage.js';

/** One storage service per database; components find it through the db they already have. */
const services = new WeakMap<object, StorageService>();

export const registerStorage = (db: object, service: StorageService) => void services.set(db, service);
export const storageOf = (db: object): StorageService | undefined => services.get(db);
