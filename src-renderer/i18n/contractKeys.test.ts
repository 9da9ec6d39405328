import { describe, expect, it } from 'vitest';
import {
  AuditAction,
  Channel,
  ConnectionStatus,
  ConversationStatus,
  ErrorCode,
  EscalationTarget,
  Ownership,
  Role,
  StatusReason,
} from '../../src-shared/index.js';
import { LANGUAGES, resources } from './i18n.js';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string) =>
  key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);

/** Every code the contract can send to the UI must have words in every language. */
const TRANSLATED_ENUMS: Array<[string, readonly string[]]> = [
  ['accounts.status', ConnectionStatus.options],
  ['accounts.reason', StatusReason.options],
  ['accounts.role', Role.options],
  ['channel', Channel.options],
  ['status', ConversationStatus.options],
  ['error', ErrorCode.options],
  ['owner', Ownership.options],
  ['escalation.target', EscalationTarget.options],
  // `kb.edit` is looked up as the nested key audit.action.kb.edit (i18next's separator).
  ['audit.action', AuditAction.options],
];

describe('contract codes have translations', () => {
  it.each(LANGUAGES.flatMap((lng) => TRANSLATED_ENUMS.map(([prefix, codes]) => [lng, prefix, codes] as const)))(
    '%s: %s.*',
    (lng, prefix, codes) => {
      const missing = codes.filter((code) => typeof lookup(resources[lng] as Tree, `${prefix}.${code}`) !== 'string');
      expect(missing).toEqual([]);
    },
  );
});
