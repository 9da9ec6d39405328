import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { z } from 'zod';
import type { ClusterLink } from './orderedPublisher.js';

/** The server-side event one node sends the others after each commit. */
const LOG_GREW = 'hub:log-grew';
const Announcement = z.object({ accountId: z.string().min(1).max(200), seq: z.number().int().positive() });
/** Sent when a node revokes a token: each other node drops its own live sockets of it. */
const TOKEN_REVOKED = 'hub:token-revoked';
const RevokedTokenId = z.string().min(1).max(200);

/** How a revocation reaches the sockets held by the other nodes. */
export interface RevocationLink {
  announce(tokenId: string): void;
  /** Returns the function that stops listening. */
  listen(onRevoked: (tokenId: string) => void): () => void;
}

export interface RedisCluster {
  link: ClusterLink;
  revocations: RevocationLink;
  close(): Promise<void>;
}

/**
 * Puts socket.io's Redis streams adapter on `io` (room broadcasts and
 * server-side events reach every node) and builds the link the ordered
 * publisher announces commits on. Announcements are hints: a lost one is found
 * by the publisher's sweep, and the events themselves are always read from the log.
 */
export async function joinRedisCluster(io: Server, url: string, log: (line: string) => void): Promise<RedisCluster> {
  const client = createClient({ url });
  client.on('error', (error: unknown) => log(`redis: ${String(error)}`));
  await client.connect();
  io.adapter(createAdapter(client, { blockTimeInMs: 1000 }));

  const link: ClusterLink = {
    announce: (accountId, seq) => io.serverSideEmit(LOG_GREW, { accountId, seq }),
    listen(onAnnounce) {
      const handler = (payload: unknown) => {
        const announcement = Announcement.safeParse(payload);
        if (announcement.success) onAnnounce(announcement.data.accountId, announcement.data.seq);
        else log(`ignored a malformed ${LOG_GREW} from another node`);
      };
      io.on(LOG_GREW, handler);
      return () => io.off(LOG_GREW, handler);
    },
  };
  const revocations: RevocationLink = {
    announce: (tokenId) => io.serverSideEmit(TOKEN_REVOKED, tokenId),
    listen(onRevoked) {
      const handler = (payload: unknown) => {
        const tokenId = RevokedTokenId.safeParse(payload);
        if (tokenId.success) onRevoked(tokenId.data);
        else log(`ignored a malformed ${TOKEN_REVOKED} from another node`);
      };
      io.on(TOKEN_REVOKED, handler);
      return () => io.off(TOKEN_REVOKED, handler);
    },
  };
  return { link, revocations, close: () => client.close() };
}
