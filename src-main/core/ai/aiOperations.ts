import { err, ok } from '../../../src-shared/result.js';
import type { BridgeOperations } from '../bridge/handlers.js';
import type { CredentialVault } from '../vault/credentialVault.js';
import { rewriteByChat, type ChatOptions } from './chatCompletions.js';
import { createRewriteSettings } from './rewriteSettings.js';

export type AiCallName = 'ai/rewrite-settings' | 'ai/configure-rewrite' | 'ai/rewrite';

/** The `ai/*` bridge calls: settings (key kept in the vault) and the rewrite itself, made from main. */
export function aiOperations(dataDir: string, vault: CredentialVault, chat: ChatOptions = {}): Pick<BridgeOperations, AiCallName> {
  const settings = createRewriteSettings(dataDir, vault);
  return {
    'ai/rewrite-settings': async () => ok(await settings.view()),
    'ai/configure-rewrite': async (input) => ok(await settings.save(input)),
    'ai/rewrite': async (request) => {
      const endpoint = await settings.endpoint();
      if (!endpoint) return err('forbidden', 'the AI rewrite is off: set it up in the settings first');
      return rewriteByChat(endpoint, request, chat);
    },
  };
}
