import type { Person } from '../../src-shared/domain/account.js';
import { createAdminService } from '../../src-hub/admin/adminService.js';
import { newId } from '../../src-hub/auth/secrets.js';
import type { HubContext } from '../../src-hub/context.js';
import { postAgentMessage } from '../../src-hub/conversations/postAgentMessage.js';
import { postCustomerMessage } from '../../src-hub/conversations/postCustomerMessage.js';
import { createEventBus } from '../../src-hub/events/eventBus.js';
import { createJournal } from '../../src-hub/events/journal.js';
import { openDatabase } from '../../src-hub/store/database.js';
import { makeTempDir, removeDir, sendInput } from './hubRig.js';

/**
 * The hub's write path without socket.io: the same journal, transaction and
 * SQL that message.send runs, called in-process on its own temp data dir.
 * Sits between the bare INSERT and the full hub, so the gap can be split.
 */
export interface HubCore {
  send(phase: string, i: number): Promise<void>;
  close(): Promise<void>;
}

export async function openHubCore(): Promise<HubCore> {
  const dir = await makeTempDir('core');
  const db = await openDatabase(dir);
  const close = async () => {
    await db.close();
    await removeDir(dir);
  };
  try {
    const now = () => Date.now();
    const bus = createEventBus();
    const ctx: HubContext = { db, bus, now, newId, log: () => {}, journal: createJournal({ db, bus, now }), admin: createAdminService({ db, now }) };
    const account = { id: 'core-shop', name: 'Core Shop', channel: 'webchat' as const };
    const created = await ctx.admin.createAccount(account);
    if (!created.ok) throw new Error(`createAccount: ${created.error.message}`);
    const first = await postCustomerMessage(ctx, { account, visitorId: 'visitor-core-0001', visitorName: 'Core Visitor', text: '你好' });
    const author: Person = { id: 'agent-1', name: 'Bench Agent', role: 'agent' };
    return {
      send: async (phase, i) => {
        const input = sendInput(first.conversationId, phase, i);
        const result = await postAgentMessage(ctx, { ...input, accountId: account.id, author, private: false });
        if (!result.ok) throw new Error(`postAgentMessage: ${result.error.message}`);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
