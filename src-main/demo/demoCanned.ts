import type { HubCommandInput } from '../../src-shared/index.js';

/** The demo shops' canned replies (our own writing): typed `/` in the composer lists them. */
export const DEMO_CANNED: ReadonlyArray<HubCommandInput<'kb.upsert'>> = [
  ['canned-hello', '问候', '您好，这里是小鹿家居客服小林，很高兴为您服务，请问有什么可以帮您？'],
  ['canned-wait', '请稍等', '好的，我马上为您查询，请稍等 1-2 分钟～'],
  ['canned-order', '要订单号', '麻烦您提供一下订单号（在"我的订单"里可以看到），我帮您查一下具体情况。'],
  ['canned-shipping', '发货时效', '现货商品一般 48 小时内发货，大件家具由合作物流送货上门，发货后会短信通知您。'],
  ['canned-return', '七天无理由', '支持七天无理由退货：商品不影响二次销售即可。在订单页点"申请售后"，审核通过后按地址寄回。'],
  ['canned-invoice', '开发票', '可以开电子发票：在订单详情页点"申请开票"，填写抬头和税号，1-3 个工作日内发到您的邮箱。'],
  ['canned-sorry', '致歉', '非常抱歉给您带来不好的体验，我这边马上为您处理，一定给您一个满意的答复。'],
  ['canned-bye', '结束语', '感谢您的耐心，如果还有其他问题随时联系我们，祝您生活愉快！'],
].map(([id, title, body]) => ({ id: id!, kind: 'canned' as const, title: title!, body: body!, questions: [], language: 'zh-CN' as const }));
