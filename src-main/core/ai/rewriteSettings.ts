import { join } from 'node:path';
import { z } from 'zod';
import type { RewriteSettingsInput, RewriteSettingsView } from '../../../src-shared/bridge/aiRewrite.js';
import { createSerialQueue, readJsonFile, writeFileAtomic } from '../fs/atomicFile.js';
import type { CredentialVault } from '../vault/credentialVault.js';
import type { Endpoint } from './chatCompletions.js';

/** The vault slot of the API key: `@` can never start an account id, so it cannot collide with one. */
export const REWRITE_KEY_SLOT = '@ai-rewrite';

const Stored = z.object({ enabled: z.boolean(), baseUrl: z.string().max(500), model: z.string().max(200) });
const OFF: z.infer<typeof Stored> = { enabled: false, baseUrl: '', model: '' };

/**
 * The rewrite settings: endpoint and model in `ai-rewrite.json` beside accounts.json,
 * the API key in the credential vault (safeStorage in Electron, like account tokens).
 */
export function createRewriteSettings(dataDir: string, vault: CredentialVault) {
  const path = join(dataDir, 'ai-rewrite.json');
  const serial = createSerialQueue();
  const read = async () => {
    const parsed = Stored.safeParse(await readJsonFile(path).catch(() => undefined));
    return parsed.success ? parsed.data : OFF;
  };
  const view = async (): Promise<RewriteSettingsView> => ({ ...(await read()), hasKey: (await vault.get(REWRITE_KEY_SLOT)) !== null });

  return {
    view,
    save: (input: RewriteSettingsInput): Promise<RewriteSettingsView> =>
      serial(async () => {
        const { apiKey, ...stored } = input;
        if (apiKey) await vault.set(REWRITE_KEY_SLOT, apiKey);
        else if (apiKey === '') await vault.delete(REWRITE_KEY_SLOT);
        await writeFileAtomic(path, JSON.stringify(stored, null, 2));
        return view();
      }),
    /** The endpoint to call, or null while the rewrite is off or not configured. */
    endpoint: async (): Promise<Endpoint | null> => {
      const { enabled, baseUrl, model } = await read();
      return enabled && baseUrl && model ? { baseUrl, model, apiKey: await vault.get(REWRITE_KEY_SLOT) } : null;
    },
  };
}
