/**
 * Deterministic, realistic data for the browser benchmarks: Chinese customer-service
 * text of 40-120 characters, conversations across statuses and assignees, and a hub
 * event stream where ~50 conversations are active at once and each gets one
 * conversation.upsert per ~20 messages. Plain data, no Dexie: runs in the page.
 */
import type { Conversation, HubEvent, Message } from '../../src-shared/index.js';

const PHRASES = [
  '您好，请问有什么可以帮您？',
  '我的订单已经三天了还没有发货，',
  '麻烦帮我查一下物流信息，',
  '快递显示已签收但是我没有收到，',
  '这个商品可以开增值税专用发票吗？',
  '尺码偏小，我想换大一号的，',
  '已为您登记退换货申请，请耐心等待审核。',
  '请提供一下您的订单号和收货手机号，',
  '优惠券在结算页面没有显示，',
  '我们会在24小时内给您回复，',
  '包裹已从上海仓库发出，预计明天送达。',
  '颜色和图片上的不太一样，',
  '退款已经原路返回，一般1-3个工作日到账。',
  '会员积分什么时候可以使用？',
  '非常抱歉给您带来不便，',
  '收到的商品外包装有破损，',
  '可以帮我改一下收货地址吗？',
  '好的，谢谢！',
  'Order #A1024 还没有更新状态，',
  '请问周末有人工客服吗？',
];

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 40-120 characters of phrases, cut at the target length. */
export function chineseText(rand: () => number): string {
  const target = 40 + Math.floor(rand() * 81);
  let text = '';
  while (text.length < target) text += PHRASES[Math.floor(rand() * PHRASES.length)];
  return text.slice(0, target);
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const TITLES = ['女士', '先生', '同学', '小姐'];
const AGENTS = ['agent-1', 'agent-2', 'agent-3', 'agent-4', 'agent-5', 'agent-6', 'agent-7'];
const AGENT_NAMES = ['小美', '阿强', '小林', '晓雯', '大伟', '丽丽', '子涵'];

function conversationFor(k: number, accountId: string, id: string, lastActivityAt: number, createdAt: number, preview: string): Conversation {
  const status = k === 0 ? 'open' : k % 10 < 3 ? 'resolved' : k % 10 === 3 ? 'bot' : k % 10 === 4 ? 'pending' : 'open';
  const agent = k % 4 === 0 ? null : k % AGENTS.length;
  return {
    id,
    accountId,
    channel: 'webchat',
    customer: { id: `visitor-${k}`, name: `${SURNAMES[k % SURNAMES.length]}${TITLES[k % TITLES.length]}` },
    status,
    assigneeId: agent === null ? null : AGENTS[agent]!,
    assigneeName: agent === null ? null : AGENT_NAMES[agent]!,
    subject: null,
    createdAt,
    lastActivityAt,
    lastMessagePreview: preview.slice(0, 280),
  };
}

function messageFor(id: string, conversationId: string, accountId: string, k: number, j: number, createdAt: number, text: string): Message {
  const customer = j % 3 !== 1;
  return {
    id,
    conversationId,
    accountId,
    clientId: customer ? null : `cl-${id}`,
    author: customer
      ? { kind: 'customer', id: `visitor-${k}`, name: `${SURNAMES[k % SURNAMES.length]}${TITLES[k % TITLES.length]}` }
      : { kind: 'agent', id: AGENTS[k % AGENTS.length]!, name: AGENT_NAMES[k % AGENTS.length]! },
    text,
    private: j % 50 === 49,
    status: customer ? 'sent' : 'delivered',
    createdAt,
  };
}

// ---------------------------------------------------------------- ingest stream

export interface CorpusOptions {
  messages: number;
  /** Events per ingestBatch call. */
  batchEvents: number;
  messagesPerConversation: number;
  /** Conversations receiving messages at the same time. */
  active: number;
  seed: number;
  now: number;
}

export function makeCorpus(o: CorpusOptions): { events: HubEvent[][]; messages: Message[][]; messageCount: number; openConversations: number } {
  const rand = prng(o.seed);
  const accountId = 'bench-shop';
  const stream: HubEvent[] = [];
  const slots: Array<{ k: number; id: string; left: number; j: number } | null> = Array.from({ length: o.active }, () => null);
  let nextK = 1;
  let seq = 0;
  let open = 0;
  const base = o.now - o.messages * 1000;
  for (let i = 0; i < o.messages; i++) {
    const at = base + i * 1000;
    const s = Math.floor(rand() * o.active);
    let slot = slots[s];
    if (!slot || slot.left === 0) {
      const k = nextK++;
      slot = { k, id: `cv-${k}`, left: o.messagesPerConversation, j: 0 };
      slots[s] = slot;
      const c = conversationFor(k, accountId, slot.id, at, at, '');
      if (c.status !== 'resolved') open++;
      stream.push({ seq: ++seq, type: 'conversation.upsert', at, data: c });
    }
    const m = messageFor(`mv-${i}`, slot.id, accountId, slot.k, slot.j++, at, chineseText(rand));
    slot.left--;
    stream.push({ seq: ++seq, type: 'message.created', at, data: m });
  }
  const events: HubEvent[][] = [];
  const messages: Message[][] = [];
  for (let i = 0; i < stream.length; i += o.batchEvents) {
    const batch = stream.slice(i, i + o.batchEvents);
    events.push(batch);
    messages.push(batch.flatMap((e) => (e.type === 'message.created' ? [e.data] : [])));
  }
  return { events, messages, messageCount: o.messages, openConversations: open };
}

// ---------------------------------------------------------------- cold-start seed

export interface SeedPlan {
  conversations: number;
  /** Total messages, spread ~evenly (±4) over the conversations except the big one. */
  messages: number;
  /** The newest conversation (first row of the inbox) holds this many messages. */
  bigConversationMessages: number;
  /** Messages per bulkPut transaction. */
  chunkMessages: number;
  now: number;
}

export interface SeedLayout {
  chunkConversations: number;
  countOf(k: number): number;
  bigId: string;
  typicalIndex: number;
  typicalId: string;
  openConversations: number;
}

const seedConversationId = (k: number) => `c-${String(k).padStart(6, '0')}`;
const statusOpen = (k: number) => k === 0 || k % 10 >= 3;

export function seedLayout(plan: SeedPlan): SeedLayout {
  const rest = Math.max(0, plan.messages - plan.bigConversationMessages);
  const base = Math.max(1, Math.round(rest / Math.max(1, plan.conversations - 1)));
  const spread = Math.min(4, base - 1);
  const countOf = (k: number) => (k === 0 ? plan.bigConversationMessages : base + (k % (2 * spread + 1)) - spread);
  let open = 0;
  for (let k = 0; k < plan.conversations; k++) if (statusOpen(k)) open++;
  // Row 2 of the inbox ("all" = open conversations, newest first): the first open one after the big one.
  let typicalIndex = 1;
  while (!statusOpen(typicalIndex)) typicalIndex++;
  return {
    chunkConversations: Math.max(1, Math.round(plan.chunkMessages / base)),
    countOf,
    bigId: seedConversationId(0),
    typicalIndex,
    typicalId: seedConversationId(typicalIndex),
    openConversations: open,
  };
}

/** Conversations [from, to) and their messages; conversation k's last activity is k minutes ago. */
export function generateSeedChunk(plan: SeedPlan, layout: SeedLayout, from: number, to: number): { conversations: Array<Conversation & { unread: number }>; messages: Message[] } {
  const rand = prng(from + 1);
  const conversations: Array<Conversation & { unread: number }> = [];
  const messages: Message[] = [];
  for (let k = from; k < to; k++) {
    const id = seedConversationId(k);
    const count = layout.countOf(k);
    const last = plan.now - k * 60_000;
    let text = '';
    for (let j = 0; j < count; j++) {
      text = chineseText(rand);
      messages.push(messageFor(`m-${String(k).padStart(6, '0')}-${String(j).padStart(5, '0')}`, id, `shop-${k % 3}`, k, j, last - (count - 1 - j) * 20_000, text));
    }
    conversations.push({ ...conversationFor(k, `shop-${k % 3}`, id, last, last - count * 20_000, text), unread: k % 5 === 0 ? 2 : 0 });
  }
  return { conversations, messages };
}

/**
 * `perConversation` more messages for conversations [from, to), older than everything
 * already stored for them (conversation rows stay as they are): grows the message
 * store in steps without rewriting conversations.
 */
export function generateExtraMessages(plan: SeedPlan, layout: SeedLayout, from: number, to: number, perConversation: number, round: number): Message[] {
  const rand = prng(1_000_000 * round + from + 1);
  const messages: Message[] = [];
  for (let k = from; k < to; k++) {
    const id = seedConversationId(k);
    const first = plan.now - k * 60_000 - (layout.countOf(k) - 1) * 20_000;
    for (let j = 0; j < perConversation; j++) {
      const at = first - (round * perConversation + perConversation - j) * 20_000;
      messages.push(messageFor(`m-${String(k).padStart(6, '0')}-r${round}-${String(j).padStart(4, '0')}`, id, `shop-${k % 3}`, k, j, at, chineseText(rand)));
    }
  }
  return messages;
}
