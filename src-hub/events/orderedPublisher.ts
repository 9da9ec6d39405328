import type { HubEvent } from '../../src-shared/hub/events.js';
import type { Database } from '../store/database.js';
import { readAllHeadSeqs, readEventsAfter } from '../store/eventLog.js';
import type { CommitPublisher } from './commitPublisher.js';
import type { EventBus, EventOrigin } from './eventBus.js';

/** How hub nodes tell each other that an account's log grew (the socket.io adapter, in practice). */
export interface ClusterLink {
  announce(accountId: string, seq: number): void;
  /** Returns the function that stops listening. */
  listen(onAnnounce: (accountId: string, seq: number) => void): () => void;
}

export interface OrderedPublisher extends CommitPublisher {
  /** Joins the cluster: hears other nodes' commits, sweeps now and every `sweepMs`. */
  attach(link: ClusterLink, sweepMs?: number): Promise<void>;
  /** Publishes whatever the log holds beyond what this node published (catches a lost announcement). */
  sweep(): Promise<void>;
  /** Stops listening and sweeping; waits for catch-ups in flight. */
  stop(): Promise<void>;
}

const PAGE = 500;

interface AccountStream {
  /** The last seq on this node's bus. */
  published: number;
  /** The highest seq known to be committed. */
  target: number;
  /** Events this node's transactions appended, until they are published. */
  ours: Map<number, HubEvent>;
  running: Promise<void> | null;
  draining: boolean;
}

/**
 * Puts every committed event of every account on this node's bus exactly once
 * and in seq order, whichever node committed it. Our own commits go out from
 * memory when they are next in line; otherwise (another node committed the
 * seqs before ours) the gap is read from the log first. Other nodes' commits
 * arrive as announcements `{accountId, seq}` and are read from the log after
 * the last seq published here: a node never publishes 7 before 6.
 *
 * It starts from each account's head at startup: nothing older is published.
 */
export async function startOrderedPublisher(deps: { db: Database; bus: EventBus; log: (line: string) => void }): Promise<OrderedPublisher> {
  const streams = new Map<string, AccountStream>();
  const streamOf = (accountId: string): AccountStream => {
    let stream = streams.get(accountId);
    if (!stream) streams.set(accountId, (stream = { published: 0, target: 0, ours: new Map(), running: null, draining: false }));
    return stream;
  };
  for (const head of await readAllHeadSeqs(deps.db)) Object.assign(streamOf(head.accountId), { published: head.seq, target: head.seq });

  const emit = (accountId: string, stream: AccountStream, event: HubEvent, origin: EventOrigin) => {
    stream.published = event.seq;
    stream.ours.delete(event.seq);
    deps.bus.publish(accountId, event, origin);
  };

  const drain = async (accountId: string, stream: AccountStream) => {
    stream.draining = true;
    try {
      while (stream.published < stream.target) {
        const own = stream.ours.get(stream.published + 1);
        if (own) {
          emit(accountId, stream, own, 'local');
          continue;
        }
        const page = await readEventsAfter(deps.db, accountId, stream.published, Math.min(PAGE, stream.target - stream.published));
        // Seqs are contiguous (allocated under the head row lock), so a page that
        // does not start right after `published` means the log is not there yet.
        if (page[0]?.seq !== stream.published + 1) return;
        for (const event of page) {
          if (event.seq !== stream.published + 1) break;
          emit(accountId, stream, event, stream.ours.has(event.seq) ? 'local' : 'remote');
        }
      }
    } catch (error) {
      deps.log(`publishing ${accountId} from the log failed: ${String(error)}`);
    } finally {
      // In the same tick as the last `published < target` check: a target raised
      // after this starts a new drain instead of joining one that is ending.
      stream.draining = false;
      stream.running = null;
    }
  };

  const catchUp = (accountId: string, seq: number): Promise<void> => {
    const stream = streamOf(accountId);
    stream.target = Math.max(stream.target, seq);
    if (stream.running) return stream.running;
    const running = drain(accountId, stream);
    // A drain served wholly from memory has already finished here.
    if (stream.draining) stream.running = running;
    return running;
  };

  let link: ClusterLink | null = null;
  let unlisten = () => {};
  let timer: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> | null = null;

  const sweep = () =>
    (sweeping ??= readAllHeadSeqs(deps.db)
      .then((heads) => Promise.all(heads.filter((h) => h.seq > streamOf(h.accountId).published).map((h) => catchUp(h.accountId, h.seq))))
      .then(
        () => {},
        (error: unknown) => deps.log(`cluster sweep failed: ${String(error)}`),
      )
      .finally(() => (sweeping = null)));

  return {
    reserve(accountId, events) {
      const stream = streamOf(accountId);
      for (const event of events) stream.ours.set(event.seq, event);
    },
    release(accountId, events) {
      const stream = streamOf(accountId);
      for (const event of events) stream.ours.delete(event.seq);
    },
    committed(accountId, events) {
      const last = events.at(-1);
      if (!last) return Promise.resolve();
      link?.announce(accountId, last.seq);
      return catchUp(accountId, last.seq);
    },
    async attach(clusterLink, sweepMs = 2000) {
      link = clusterLink;
      unlisten = clusterLink.listen((accountId, seq) => void catchUp(accountId, seq));
      // Announcements sent before we listened are lost to us: the log has them.
      await sweep();
      timer = setInterval(() => void sweep(), sweepMs);
      timer.unref();
    },
    sweep,
    async stop() {
      unlisten();
      link = null;
      if (timer) clearInterval(timer);
      await sweeping;
      await Promise.all([...streams.values()].map((stream) => stream.running));
    },
  };
}
