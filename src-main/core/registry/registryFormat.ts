import { z } from 'zod';
import { Channel, Person } from '../../../src-shared/domain/account.js';
import { Id, Timestamp } from '../../../src-shared/domain/ids.js';

/**
 * The account registry file, version 1. No token is ever stored here: tokens
 * live in the CredentialVault. Bump the version and add a step in
 * registryMigrations.ts for every change of shape.
 */
export const AccountRecord = z.object({
  id: Id,
  hubUrl: z.string().url(),
  /** Learnt from `session.opened`; the account id until the first session. */
  name: z.string().min(1).max(200),
  channel: Channel.nullable(),
  person: Person.nullable(),
  /** The last hub seq the renderer committed to its store: where we resume. */
  cursor: z.number().int().nonnegative(),
  addedAt: Timestamp,
});
export type AccountRecord = z.infer<typeof AccountRecord>;

export const REGISTRY_VERSION = 1;

export const RegistryFileV1 = z.object({
  version: z.literal(1),
  accounts: z.array(AccountRecord),
});
export type RegistryFileV1 = z.infer<typeof RegistryFileV1>;

/** The current shape; change this alias when a new version is added. */
export const RegistryFile = RegistryFileV1;
export type RegistryFile = RegistryFileV1;

export const emptyRegistry = (): RegistryFile => ({ version: REGISTRY_VERSION, accounts: [] });
