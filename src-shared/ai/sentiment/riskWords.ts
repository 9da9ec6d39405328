/**
 * Escalation signals and how much each weighs toward risk (points add up; see risk.ts).
 * Strong complaints name an outside authority or public exposure; a refund request
 * alone is ordinary business and only counts a little.
 */
export interface RiskWord {
  kind: 'complaint' | 'human' | 'anger';
  points: number;
}

const group = (kind: RiskWord['kind'], points: number, words: string): Array<[string, RiskWord]> =>
  words.split('|').map((w) => [w, { kind, points }]);

/** Matched as substrings of the normalized (lowercase, Simplified) message. */
export const RISK_WORDS = new Map<string, RiskWord>([
  ...group('complaint', 3, '投诉|12315|差评|曝光|消协|消费者协会|工商|市场监管|律师|起诉|法院|媒体|举报|维权|黑猫'),
  ...group('complaint', 3, 'complaint|complain|chargeback|lawyer|sue |legal action|report you|bbb|trading standards'),
  ...group('complaint', 1, '退款|退钱|赔偿|refund|money back|compensation'),
  ...group('human', 2, '转人工|人工客服|人工服务|找真人|真人|活人|人工|客服经理|你们领导|找主管|机器人'),
  ...group('human', 2, 'real person|human agent|speak to someone|talk to someone|speak to a human|talk to a human|a human|manager|supervisor|not a bot|are you a bot'),
  ...group('anger', 2, '气死|火大|生气|愤怒|恶心|垃圾|骗子|滚|妈的|他妈|坑人|忍无可忍|太过分|受够了|什么破|破玩意|无耻|离谱'),
  ...group('anger', 2, '😡|🤬|💢|😠'),
  ...group('anger', 2, 'angry|furious|ridiculous|unacceptable|scam|fraud|pissed|wtf|disgusting|pathetic|useless|fed up|sick of|worst'),
]);
