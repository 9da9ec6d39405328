import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertAccount } from '../store/accounts.js';
import { openDatabase, type Database } from '../store/database.js';
import { createEventBus, type EventOrigin } from './eventBus.js';
import { createJournal, type Journal } from './journal.js';
import { startOrderedPublisher, type ClusterLink, type OrderedPublisher } from './orderedPublisher.js';

/**
 * Two "nodes" (journal + publisher + bus each) over one real store, joined by a
 * link whose announcements we hold back and release by hand: the orders a
 * network can produce, made deterministic. (Redis is the boundary the link stands in for.)
 */
interface Node {
  journal: Journal;
  publisher: OrderedPublisher;
  heard: Array<[number, EventOrigin]>;
  /** Announcements from the other node, not yet delivered. */
  held: Array<[string, number]>;
  deliver(): void;
  drop(): void;
}

const ACCOUNT = 'shop-ordered';
let db: Database;
let nodes: Node[] = [];

async function startNode(peers: () => Node[]): Promise<Node> {
  const bus = createEventBus();
  const heard: Node['heard'] = [];
  bus.subscribe(ACCOUNT, (_account, event, origin) => heard.push([event.seq, origin]));
  const publisher = await startOrderedPublisher({ db, bus, log: () => {} });
  const held: Node['held'] = [];
  let listener: (accountId: string, seq: number) => void = () => {};
  const node: Node = {
    journal: createJournal({ db, bus, now: Date.now, publisher }),
    publisher,
    heard,
    held,
    deliver: () => held.splice(0).forEach(([accountId, seq]) => listener(accountId, seq)),
    drop: () => void held.splice(0),
  };
  const link: ClusterLink = {
    announce: (accountId, seq) => peers().filter((peer) => peer !== node).forEach((peer) => peer.held.push([accountId, seq])),
    listen: (onAnnounce) => ((listener = onAnnounce), () => {}),
  };
  await publisher.attach(link, 60_000);
  return node;
}

const record = (node: Node, status: 'online' | 'away') =>
  node.journal.record(ACCOUNT, ({ append }) => append('agent.presence', { personId: 'agent-1', status }));

beforeAll(async () => {
  db = await openDatabase(null);
  await insertAccount(db, { id: ACCOUNT, name: 'Ordered', channel: 'webchat' }, Date.now());
  nodes = [];
  nodes.push(await startNode(() => nodes), await startNode(() => nodes));
});
afterAll(async () => {
  for (const node of nodes) await node.publisher.stop();
  await db.close();
});

it('publishes every seq once, in order, with the committing node as the only `local` one', async () => {
  const [a, b] = nodes as [Node, Node];
  await record(a, 'online'); // seq 1 on A; B has not heard yet
  await record(b, 'away'); // seq 2 on B: B must first publish seq 1 from the log
  expect(b.heard).toEqual([
    [1, 'remote'],
    [2, 'local'],
  ]);
  expect(a.heard).toEqual([[1, 'local']]);

  b.deliver(); // A's late announcement of seq 1: already published on B, nothing twice
  a.deliver(); // B's announcement of seq 2
  await a.publisher.sweep();
  await b.publisher.sweep();
  expect(a.heard).toEqual([
    [1, 'local'],
    [2, 'remote'],
  ]);
  expect(b.heard).toEqual([
    [1, 'remote'],
    [2, 'local'],
  ]);
});

it('finds a lost announcement on its sweep', async () => {
  const [a, b] = nodes as [Node, Node];
  await record(a, 'away'); // seq 3
  await record(a, 'online'); // seq 4
  b.drop();
  expect(b.heard.at(-1)).toEqual([2, 'local']);
  await b.publisher.sweep();
  expect(b.heard.slice(-2)).toEqual([
    [3, 'remote'],
    [4, 'remote'],
  ]);
});
