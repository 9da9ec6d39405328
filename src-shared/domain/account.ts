import { z } from 'zod';
import { Id } from './ids.js';

export const Channel = z.enum(['webchat', 'email', 'taobao', 'jd', 'douyin', 'wechat', 'webhook']);
export type Channel = z.infer<typeof Channel>;

export const Role = z.enum(['agent', 'lead', 'supervisor']);
export type Role = z.infer<typeof Role>;

/** A channel account as the hub describes it (a web-chat site, a shop, a mailbox). */
export const HubAccount = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  channel: Channel,
});
export type HubAccount = z.infer<typeof HubAccount>;

/** The person a token belongs to; roles are enforced by the hub, shown by the UI. */
export const Person = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  role: Role,
});
export type Person = z.infer<typeof Person>;

/**
 * Account tokens look like `ws1.<accountId>.<tokenId>.<secret>` so that adding an
 * account needs only the hub URL and the token. The hub stores a hash of the secret.
 */
const TOKEN_PATTERN = /^ws1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16,128})$/;

export const AccountToken = z.string().regex(TOKEN_PATTERN, 'not a workstation account token (ws1.…)');

export interface ParsedToken {
  accountId: string;
  tokenId: string;
  secret: string;
}

export function parseAccountToken(token: string): ParsedToken | null {
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match) return null;
  const [, accountId, tokenId, secret] = match as unknown as [string, string, string, string];
  return { accountId, tokenId, secret };
}

export const formatAccountToken = (t: ParsedToken): string => `ws1.${t.accountId}.${t.tokenId}.${t.secret}`;
