import { describe, expect, it } from 'vitest';
import openCacheSource from '../public/openCache.js?raw';
import { DB_NAME } from './schema.js';

describe('openCache.js (index.html opens the cache before the bundle loads)', () => {
  it('opens the database the app opens: its name is a copy of DB_NAME, which a rename would leave behind', () => {
    expect(openCacheSource).toContain(`indexedDB.open('${DB_NAME}')`);
  });
});
