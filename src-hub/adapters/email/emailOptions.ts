/** The SMTP relay outbound mail goes through (the shop's mail provider, or a local MTA). */
export interface RelayOptions {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465). false: plain, upgraded with STARTTLS when the relay offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
}

/** `startHub({ email })`: turns the email channel on. */
export interface EmailOptions {
  /** The inbound SMTP listener's port; 0 = random. */
  smtpPort: number;
  /** Where the listener binds; loopback by default (no AUTH or TLS inbound in this slice). */
  host?: string;
  /** The domain of `<accountId>@<domain>`, the default address of an email account. Default `localhost`. */
  domain?: string;
  /** accountId → the account's own address (inbound recipient and outbound From), overriding `<accountId>@<domain>`. */
  addresses?: Record<string, string>;
  relay: RelayOptions;
  /** Larger mails are refused with 552. Default 10 MB. */
  maxMessageBytes?: number;
  /** Waits between delivery attempts; one attempt more than there are delays. Default 1 s, 5 s, 30 s. */
  retryDelaysMs?: number[];
  /** How often pending replies nobody holds (a dead node's) are looked for. Default 30 s. */
  sweepMs?: number;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000];

/** The address customers write to and replies come from. */
export const addressOf = (options: Pick<EmailOptions, 'domain' | 'addresses'>, accountId: string): string =>
  options.addresses?.[accountId] ?? `${accountId}@${options.domain ?? 'localhost'}`;
