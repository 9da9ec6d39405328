import type { IncomingMessage } from 'node:http';
import type { HubAccount } from '../../src-shared/domain/account.js';
import { CustomerHandshake } from '../../src-shared/hub/customer.js';
import { authenticateAgent, type AgentIdentity } from '../auth/authenticateAgent.js';
import type { HubContext } from '../context.js';
import { findAccount } from '../store/accounts.js';

/** The request header a web-chat widget names its visitor with (its visitor id is its only credential). */
export const VISITOR_HEADER = 'x-visitor-id';

/** Who asks for an image: an agent of the account (its token), or one of its web-chat visitors. */
export type AttachmentCaller =
  | { kind: 'agent'; identity: AgentIdentity }
  | { kind: 'visitor'; account: HubAccount; visitorId: string };

export type CallerCheck = { ok: true; caller: AttachmentCaller } | { ok: false; status: 401 | 404; message: string };

const bearerOf = (req: IncomingMessage): string | null => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;

/**
 * Tokens only in the Authorization header, never in a URL (URLs end up in logs and
 * histories). A token of another account is refused like a wrong one.
 */
export async function identifyCaller(ctx: HubContext, req: IncomingMessage, accountId: string): Promise<CallerCheck> {
  const token = bearerOf(req);
  if (token !== null) {
    const auth = await authenticateAgent(ctx.db, { accountId, token, cursor: 0 });
    if (auth.ok) return { ok: true, caller: { kind: 'agent', identity: auth.identity } };
    return { ok: false, status: auth.refusal === 'auth/unknown-account' ? 404 : 401, message: `refused: ${auth.refusal}` };
  }
  const visitor = CustomerHandshake.shape.visitorId.safeParse(req.headers[VISITOR_HEADER]);
  if (!visitor.success) return { ok: false, status: 401, message: 'an agent token (Authorization: Bearer) or a visitor id is needed' };
  const account = await findAccount(ctx.db, accountId);
  if (!account || account.channel !== 'webchat') return { ok: false, status: 404, message: `no web-chat account ${accountId}` };
  return { ok: true, caller: { kind: 'visitor', account, visitorId: visitor.data } };
}
