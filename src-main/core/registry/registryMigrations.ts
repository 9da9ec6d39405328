import type { MigrationStep } from './migrate.js';

/**
 * Steps that bring an older registry file to REGISTRY_VERSION, in order.
 * Version 1 is the first shipped format, so there are none yet. The next change
 * adds e.g. `migrationStep<RegistryFileV1, RegistryFileV2>(1, (v1) => ({ ... }))`.
 */
export const registryMigrations: readonly MigrationStep<never, unknown>[] = [];
