import type { HubCommandInput } from '../../src-shared/hub/commands.js';

/** A small shop KB for the bot's tests (src-hub may not import assets/, where the demo KB lives). */
export const TEST_KB: Array<HubCommandInput<'kb.upsert'>> = [
  {
    id: 'ship-01', kind: 'article', language: 'zh-CN', title: '下单后多久发货',
    body: '小件商品付款后48小时内发货；大件家具需要3到7天备货。',
    questions: ['下单后多久发货', '什么时候能发货啊', '大件家具几天发出', '咋还不发货'],
  },
  {
    id: 'ship-01-en', variantOf: 'ship-01', kind: 'article', language: 'en', title: 'When will my order ship?',
    body: 'Small items ship within 48 hours of payment; large furniture needs 3 to 7 days.',
    questions: ['when will my order ship', 'how long until you send it'],
  },
  {
    id: 'ship-01-tw', variantOf: 'ship-01', kind: 'article', language: 'zh-TW', title: '下單後多久發貨',
    body: '小件商品付款後48小時內發貨；大件家具需要3到7天備貨。',
    questions: ['下單後多久發貨', '什麼時候能發貨'],
  },
  {
    id: 'inv-01', kind: 'article', language: 'zh-CN', title: '怎么开发票',
    body: '在“我的订单”里点“申请开票”，电子发票1个工作日内发到邮箱。',
    questions: ['怎么开发票', '能开票吗', '我要开发票', '发票在哪里申请'],
  },
  {
    id: 'ret-01', kind: 'article', language: 'zh-CN', title: '七天无理由退货',
    body: '签收后7天内、商品不影响二次销售，可申请无理由退货。',
    questions: ['能退货吗', '不喜欢可以退吗', '七天无理由退货怎么退'],
  },
  {
    id: 'pay-01', kind: 'article', language: 'zh-CN', title: '支持哪些付款方式',
    body: '支持支付宝、微信支付、银行卡和花呗分期。',
    questions: ['可以用什么付款', '支持微信支付吗', '能用花呗吗'],
  },
  { id: 'canned-hi', kind: 'canned', title: '问候', body: '您好，请问有什么可以帮您？', questions: ['今天天气怎么样'] },
];
