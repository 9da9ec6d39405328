import { skipServices, startServices } from '../scaleout/services.js';

/** Where the store lives for one run of a suite: PGlite, or a fresh database on a real PostgreSQL. */
export interface StoreDriver {
  name: string;
  skip: boolean;
  /** `databaseUrl` undefined: PGlite (in the suite's data dir, or in memory). */
  setUp(): Promise<{ databaseUrl?: string; tearDown(): Promise<void> }>;
}

/** For `describe.each`: the same tests on both drivers the hub supports (PostgreSQL skipped where it is not installed, never under CI). */
export const STORE_DRIVERS: StoreDriver[] = [
  { name: 'PGlite', skip: false, setUp: async () => ({ tearDown: async () => {} }) },
  {
    name: 'PostgreSQL',
    skip: skipServices(),
    async setUp() {
      const services = await startServices('postgres');
      return { databaseUrl: await services.freshDatabase(), tearDown: () => services.stop() };
    },
  },
];
