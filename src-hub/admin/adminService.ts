import { z } from 'zod';
import { formatAccountToken, HubAccount, Role } from '../../src-shared/domain/account.js';
import { Id } from '../../src-shared/domain/ids.js';
import { describeZodError, err, ok, type Result } from '../../src-shared/result.js';
import { hashSecret, newId, newSecret } from '../auth/secrets.js';
import { findAccount, insertAccount, listAccounts } from '../store/accounts.js';
import type { Database } from '../store/database.js';
import { findToken, insertToken, markTokenRevoked } from '../store/tokens.js';
import { HUB_ADMIN, recordAudit } from '../audit/recordAudit.js';
import { createEventBus } from '../events/eventBus.js';
import { createJournal, type Journal } from '../events/journal.js';
import { listAuditEntries } from '../store/auditLog.js';
import type { AuditEntry } from '../../src-shared/hub/events.js';

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
  /** The account's audit log, newest first. */
  listAudit(accountId: string, limit?: number): Promise<Result<AuditEntry[]>>;
}

const AUDIT_PAGE = 500;

/**
 * `journal`: the hub's, so a revocation's audit entry reaches leads live. Without
 * one (the CLI working on a stopped hub's store) the service keeps its own; the
 * entry is in the log for the next start either way.
 */
export function createAdminService(deps: { db: Database; now: () => number; journal?: Journal }): AdminService {
  const { db, now } = deps;
  const journal = deps.journal ?? createJournal({ db, bus: createEventBus(), now });
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
      const token = await findToken(db, tokenId);
      if (!token) return err('not-found', `no token ${tokenId}`);
      // Revoking twice keeps the first time, and the first audit line.
      if (token.revokedAt !== null) return ok(null);
      await journal.record(token.accountId, async (writer) => {
        await markTokenRevoked(writer.tx, tokenId, writer.at);
        await recordAudit({ newId }, writer, token.accountId, {
          action: 'token.revoke',
          actor: HUB_ADMIN,
          conversationId: null,
          detail: `token ${tokenId} of ${token.personName} (${token.personId}, ${token.role})`,
        });
      });
      return ok(null);
    },
    listAccounts: () => listAccounts(db),
    async listAudit(accountId, limit = AUDIT_PAGE) {
      if (!(await findAccount(db, accountId))) return err('not-found', `no account ${accountId}`);
      return ok(await listAuditEntries(db, accountId, Math.min(Math.max(1, limit), AUDIT_PAGE)));
    },
  };
}
