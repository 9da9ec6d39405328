import { z } from 'zod';
import { formatAccountToken, HubAccount, Role } from '../../src-shared/domain/account.js';
import { Id } from '../../src-shared/domain/ids.js';
import { describeZodError, err, ok, type Result } from '../../src-shared/result.js';
import { hashSecret, newId, newSecret } from '../auth/secrets.js';
import { findAccount, insertAccount, listAccounts } from '../store/accounts.js';
import type { Database } from '../store/database.js';
import { insertToken, markTokenRevoked } from '../store/tokens.js';

export const CreateAccountInput = HubAccount;
export const IssueTokenInput = z.object({
  accountId: Id,
  personId: Id,
  personName: z.string().trim().min(1).max(200),
  role: Role,
});
export type IssueTokenInput = z.infer<typeof IssueTokenInput>;

export interface IssuedToken {
  tokenId: string;
  token: string;
}

/** Account and token administration, shared by the programmatic API, the admin HTTP API and the CLI. Validates its own input. */
export interface AdminService {
  createAccount(input: HubAccount): Promise<Result<HubAccount>>;
  issueToken(input: IssueTokenInput): Promise<Result<IssuedToken>>;
  revokeToken(tokenId: string): Promise<Result<null>>;
  listAccounts(): Promise<HubAccount[]>;
}

export function createAdminService(deps: { db: Database; now: () => number }): AdminService {
  const { db, now } = deps;
  return {
    async createAccount(raw) {
      const parsed = CreateAccountInput.safeParse(raw);
      if (!parsed.success) return err('validation', describeZodError(parsed.error));
      const input = parsed.data;
      const created = await insertAccount(db, input, now());
      return created ? ok(input) : err('duplicate-account', `account ${input.id} already exists`);
    },
    async issueToken(raw) {
      const parsed = IssueTokenInput.safeParse(raw);
      if (!parsed.success) return err('validation', describeZodError(parsed.error));
      const input = parsed.data;
      if (!(await findAccount(db, input.accountId))) return err('not-found', `no account ${input.accountId}`);
      const tokenId = newId('t');
      const secret = newSecret();
      await insertToken(db, {
        id: tokenId,
        accountId: input.accountId,
        personId: input.personId,
        personName: input.personName,
        role: input.role,
        secretHash: hashSecret(secret),
        createdAt: now(),
        revokedAt: null,
      });
      return ok({ tokenId, token: formatAccountToken({ accountId: input.accountId, tokenId, secret }) });
    },
    async revokeToken(tokenId) {
      const revoked = await markTokenRevoked(db, tokenId, now());
      return revoked ? ok(null) : err('not-found', `no token ${tokenId}`);
    },
    listAccounts: () => listAccounts(db),
  };
}
