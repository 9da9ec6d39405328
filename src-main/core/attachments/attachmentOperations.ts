import { Buffer } from 'node:buffer';
import { channelTakesImages, imageProblem } from '../../../src-shared/domain/attachment.js';
import { err, ok, type Result } from '../../../src-shared/result.js';
import type { BridgeOperations } from '../bridge/handlers.js';
import type { AccountRegistry } from '../registry/accountRegistry.js';
import type { CredentialVault } from '../vault/credentialVault.js';
import { type Fetch, type HubAccess, loadFromHub, uploadToHub } from './hubAttachments.js';

export type AttachmentCallName = 'attachments/upload' | 'attachments/load';

export interface AttachmentDeps {
  registry: AccountRegistry;
  vault: CredentialVault;
  /** The HTTP client; tests and hosts may pass their own. Default: Node's fetch. */
  fetch?: Fetch;
}

/**
 * Images go to and come from the hub over HTTP with the account's token: main holds
 * the token, the renderer only hands over or receives bytes (base64 on the bridge).
 */
export function attachmentOperations(deps: AttachmentDeps): Pick<BridgeOperations, AttachmentCallName> {
  const fetcher = deps.fetch ?? fetch;

  async function accessFor(accountId: string): Promise<Result<HubAccess & { takesImages: boolean }>> {
    await deps.registry.load();
    const row = deps.registry.get(accountId);
    if (!row) return err('not-found', `no account ${accountId}`);
    const token = await deps.vault.get(accountId);
    if (!token) return err('unauthorized', `no token for ${accountId}`);
    // Unknown until the first connect: then the hub decides.
    const takesImages = row.channel === null || channelTakesImages(row.channel);
    return ok({ hubUrl: row.hubUrl, accountId, token, takesImages });
  }

  return {
    'attachments/upload': async ({ accountId, mime, name, data }) => {
      const bytes = new Uint8Array(Buffer.from(data, 'base64'));
      const problem = imageProblem(bytes, mime);
      if (problem) return err('unsupported-media', problem);
      const access = await accessFor(accountId);
      if (!access.ok) return access;
      if (!access.value.takesImages) return err('unsupported-media', 'this channel does not take images');
      return uploadToHub(fetcher, access.value, { bytes, mime, name });
    },
    'attachments/load': async ({ accountId, attachmentId }) => {
      const access = await accessFor(accountId);
      if (!access.ok) return access;
      const loaded = await loadFromHub(fetcher, access.value, attachmentId);
      if (!loaded.ok) return loaded;
      return ok({ mime: loaded.value.mime, data: Buffer.from(loaded.value.bytes).toString('base64') });
    },
  };
}
