/**
 * Our own word lists (written for shop conversations, not taken from a corpus).
 * Values are rough polarity on -3..3. Multi-character entries win over their
 * parts (longest match), which is how 不错 stays positive, 不好意思 stays
 * polite and 快递 is a parcel rather than praise for speed.
 */
const parse = (spec: string): Map<string, number> =>
  new Map(
    spec
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const at = pair.lastIndexOf(':');
        return [pair.slice(0, at).replace(/_/g, ' '), Number(pair.slice(at + 1))] as [string, number];
      }),
  );

export const ZH_POLARITY = parse(`
  好:1 很好:1.5 挺好:1.2 还好:0.3 好的:0.3 好像:0 好久:-0.5 好多:0 好评:2 不错:1.5 满意:1.5 喜欢:1.5 爱了:2
  棒:2 赞:2 点赞:2 推荐:1 谢谢:1 感谢:1.2 辛苦了:1.2 给力:2 完美:2.5 舒服:1.5 漂亮:1.5 好看:1.5 实惠:1.2
  划算:1.2 值:0.8 值得:1.2 超值:2 快:0.8 很快:1.2 及时:1 准时:1 干净:1.2 方便:1 耐心:1.5 热情:1.5 周到:1.5
  专业:1.2 靠谱:1.5 放心:1.2 开心:1.5 高兴:1.5 惊喜:1.8 好用:1.5 结实:1.2 稳:0.8 精致:1.5 好吃:1.8 美味:1.8
  新鲜:1 香:1 贴心:1.5 优秀:1.8 没问题:0.8 可以:0.3 解决了:1.2 满分:2 回购:1.5 物美价廉:2 性价比高:1.8
  没事:0.3 没关系:0.5 不客气:0.3 不用:0 不知道:0 差不多:0 不好意思:0 快递:0 快点:-0.8 尽快:0 赶快:-0.3
  差:-1.5 很差:-2 太差:-2.2 差劲:-2 失望:-2 不满:-1.8 糟糕:-2 烂:-2 垃圾:-2.5 坑:-1.8 坑人:-2.2 慢:-1
  难用:-1.8 难吃:-2 难看:-1.5 破:-1 坏:-1.5 坏了:-1.5 损坏:-1.5 破损:-1.5 后悔:-1.8 上当:-2 骗:-2 骗人:-2.5
  欺骗:-2.5 忽悠:-2 麻烦:-0.8 无语:-1.5 郁闷:-1.5 烦:-1.5 烦死:-2.2 生气:-2 气死:-2.5 恶心:-2.2 脏:-1.5
  臭:-1.5 贵:-0.8 敷衍:-2 不理:-1.8 没人理:-2 态度差:-2.2 冷了:-1 凉了:-1 少了:-1 漏:-1 发错:-1.5 错了:-1
  不对:-1 有问题:-1 问题:-0.2 故障:-1.5 异味:-1.5 划痕:-1.2 掉漆:-1.2 开裂:-1.5 松动:-1 晃:-0.8 不行:-1.5
  不值:-1.5 不推荐:-2 假货:-2.5 劣质:-2.2 粗糙:-1.2 吐槽:-1 崩溃:-2 着急:-1 急:-0.8 催:-0.8 一般:-0.5
  不怎么样:-1.5 太久:-1.5 等了很久:-1.8 还没:-0.8 还没有:-0.8 怎么还:-1 一直没:-1.2 退钱:-1 差评:-2
  投诉:-1.5 离谱:-2 过分:-2 太过分:-2.5 忍无可忍:-3 受够了:-2.5 欺负:-2 失败:-1.2 难受:-1.5 心累:-1.8
  咸:-0.8 淡:-0.5 油:-0.5 硬:-0.5 吵:-1.2 旧:-0.8 小气:-1 不卫生:-2 不新鲜:-1.5 没味道:-1 不够:-0.8
`);

/** Words that flip the next polarity word within a few characters. */
export const ZH_NEGATORS = new Set('不 没 没有 别 未 无 并不 从不 毫不 不太 不是 一点也不 不怎么 不够 绝不 从来没'.split(' '));

/** Multipliers on the next polarity word; below 1 softens. */
export const ZH_INTENSIFIERS = parse(`
  很:1.5 非常:1.8 太:1.6 特别:1.6 超:1.6 超级:1.8 真:1.3 真的:1.3 极:1.8 极其:1.8 十分:1.6 相当:1.4 挺:1.2
  最:1.6 巨:1.7 贼:1.6 实在:1.4 简直:1.5 比较:0.8 有点:0.7 有些:0.7 稍微:0.6 略:0.7
`);

/** Clause markers after which the later clause is what the customer means. */
export const ZH_CONTRAST = new Set('但是 但 不过 可是 然而 就是'.split(' '));

export const EN_POLARITY = parse(`
  good:1.5 great:2 excellent:2.5 love:2 like:0.5 happy:1.8 glad:1.5 thank:1 thanks:1 perfect:2.5 awesome:2.2
  amazing:2.2 helpful:1.8 fast:1 quick:1 nice:1.5 satisfied:1.8 pleased:1.8 fine:0.4 resolved:1.2 works:0.5
  working:0.3 recommend:1.5 appreciate:1.5 wonderful:2.2 best:1.8 beautiful:1.8 easy:1 ok:0.3 okay:0.3
  bad:-1.5 terrible:-2.5 awful:-2.5 horrible:-2.5 worst:-2.5 hate:-2.5 angry:-2.2 annoyed:-1.8 disappointed:-2
  disappointing:-2 broken:-1.5 damaged:-1.5 late:-1 slow:-1 wrong:-1.2 missing:-1.2 useless:-2 poor:-1.5
  ridiculous:-2.2 unacceptable:-2.5 scam:-2.8 fraud:-2.8 cheated:-2.5 rude:-2.2 frustrated:-2 frustrating:-2
  upset:-1.8 waste:-1.8 defective:-1.8 dirty:-1.5 stuck:-1 delay:-1 delayed:-1.2 failed:-1.2 fail:-1.2
  problem:-0.5 issue:-0.3 complaint:-1.5 furious:-2.8 disgusting:-2.5 pathetic:-2.5 worse:-1.8 sucks:-2.2
  crap:-2.2 wtf:-2.5 still:-0.2 never:0 cannot:0 can't:0 declined:-0.8 lost:-1 sorry:-0.3 confused:-1
  expensive:-0.8 overcharged:-2 wait:-0.3 waiting:-0.5 refuse:-1 refused:-1.2 nobody:-1 ignored:-2
`);

export const EN_NEGATORS = new Set("not no never without hardly isn't aren't wasn't weren't don't doesn't didn't can't cannot won't couldn't shouldn't nothing nor".split(' '));

export const EN_INTENSIFIERS = parse(`
  very:1.5 so:1.4 really:1.4 extremely:1.8 too:1.4 super:1.6 totally:1.5 absolutely:1.6 completely:1.5
  incredibly:1.7 quite:1.2 pretty:1.1 bit:0.7 slightly:0.6 somewhat:0.7 kinda:0.8
`);

export const EN_CONTRAST = new Set(['but', 'however', 'although', 'though']);

export const EMOJI_POLARITY = new Map<string, number>([
  ['😡', -2.5], ['😠', -2.2], ['🤬', -3], ['👎', -2], ['😤', -1.8], ['😭', -1.5], ['😢', -1.2], ['💢', -2],
  ['😞', -1.5], ['😒', -1.2], ['🙄', -1.2], ['😩', -1.5], ['😫', -1.5], ['💔', -1.5],
  ['😊', 1.5], ['😀', 1.2], ['😄', 1.5], ['😁', 1.5], ['👍', 1.8], ['❤', 1.8], ['🙏', 1], ['🥰', 2],
  ['😍', 2], ['👏', 1.5], ['🎉', 1.5], ['😘', 1.5], ['💯', 1.8], ['🌹', 1],
]);
