import { describe, expect, it } from 'vitest';
import { createAiClient } from './aiClient.js';
import { createEngineHost } from './engineHost.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

/** The real engine behind an in-process port that answers asynchronously, like a worker. */
function inProcessWorker() {
  const host = createEngineHost();
  const port = {
    onmessage: null as ((e: MessageEvent<WorkerReply>) => void) | null,
    postMessage(message: WorkerRequest) {
      const reply = host(message);
      if (reply) setTimeout(() => port.onmessage?.({ data: reply } as MessageEvent<WorkerReply>), 0);
    },
  };
  return port;
}

const KB = [
  { id: 'ship', title: '发货时间', body: '现货 48 小时内发货。', questions: ['什么时候发货', '多久能发货', '下单后几天发出'] },
  { id: 'invoice', title: '开发票', body: '订单详情页可以申请电子发票。', questions: ['能开发票吗', '怎么开发票', '发票抬头'] },
];

describe('AI client and worker host', () => {
  it('suggests from the account’s own KB, 繁體 questions included', async () => {
    const ai = createAiClient(inProcessWorker());
    ai.setKb('shop-a', KB);
    const [top] = (await ai.suggest('c1', 'shop-a', '請問什麼時候發貨？', []))!;
    expect(top?.articleId).toBe('ship');
    expect(await ai.suggest('c2', 'shop-without-kb', '什么时候发货', [])).toEqual([]);
  });

  it('counts the KB feeds per account and tells subscribers', () => {
    const ai = createAiClient(inProcessWorker());
    let told = 0;
    const off = ai.onKbFed(() => told++);
    ai.setKb('shop-a', []);
    ai.setKb('shop-a', KB);
    off();
    ai.setKb('shop-b', KB);
    expect([ai.kbVersion('shop-a'), ai.kbVersion('shop-b'), ai.kbVersion('shop-c'), told]).toEqual([2, 1, 0, 2]);
  });

  it('drops suggestions for an older message of the same conversation', async () => {
    const ai = createAiClient(inProcessWorker());
    ai.setKb('shop-a', KB);
    const older = ai.suggest('c1', 'shop-a', '什么时候发货', []);
    const newer = ai.suggest('c1', 'shop-a', '能开发票吗', []);
    expect(await older).toBeNull();
    expect((await newer)?.[0]?.articleId).toBe('invoice');
  });

  it('scores a conversation and flags it when it turns angry', async () => {
    const ai = createAiClient(inProcessWorker());
    const calm = await ai.mood(['你好，想问下发货时间']);
    expect(calm.mood.flag).toBe(false);
    const angry = await ai.mood(['你好，想问下发货时间', '怎么还没发货？太差劲了，我要投诉！']);
    expect(angry.scores[1]?.label).toBe('negative');
    expect(angry.mood.flag).toBe(true);
    expect(angry.mood.why.join(' ')).toMatch(/投诉/);
  });
});
