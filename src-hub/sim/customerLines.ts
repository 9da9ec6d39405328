/**
 * What shoppers write to an online shop's support, in our own words: logistics,
 * refunds, sizes, invoices, coupons, hurry-ups, some English, some angry. The
 * angry ones exist so the workstation's sentiment flags have something to catch.
 */
export const CUSTOMER_LINES: readonly string[] = [
  '你好，我的快递到哪了？三天了物流一直没更新',
  '请问今天下单什么时候能发货？',
  '物流显示已签收，但是我没收到包裹',
  '可以改一下收货地址吗？刚下的单',
  '我想申请退款，衣服质量和图片差太多了',
  '退货寄回去五天了，退款什么时候到账？',
  '七天无理由退货运费谁出？',
  '我身高170体重130斤，穿什么尺码合适？',
  '这双鞋偏大还是偏小？平时穿40码',
  'M码和L码的胸围分别是多少？',
  '可以开增值税专用发票吗？公司报销要用',
  '发票抬头写错了，能重新开一张吗？',
  '优惠券为什么用不了？显示不满足使用条件',
  '满300减50的券还能领吗？',
  '双十一的价格现在还能保吗？',
  '麻烦催一下单，急着送人',
  '拍了两天了还没发货，能快点吗',
  '怎么还没发货？我要投诉！',
  '客服怎么一直不回复？太差劲了',
  '东西是坏的，再不处理我就打12315了',
  '已经问了三遍了，到底有没有人管？转人工！',
  'Hi, do you ship to Singapore?',
  'My order still has not arrived, can you check the tracking number?',
  'I would like a refund, the size is wrong.',
  '谢谢，问题解决了',
  '好的，那我再等等',
];

export const CUSTOMER_NAMES: readonly string[] = ['王女士', '李先生', '张同学', '小陈', 'Lucy', '赵阿姨', '刘先生', '周小姐'];
