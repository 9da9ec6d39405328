/** Retrieval and classification scores, as fractions rounded to 4 digits. */
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export interface RankScores {
  queries: number;
  hit1: number;
  hit3: number;
  mrr: number;
}

/** `ranks[i]` is the 1-based rank of query i's right answer, or 0 when it was not returned. */
export function rankScores(ranks: readonly number[]): RankScores {
  const n = ranks.length || 1;
  const hits = (k: number) => ranks.filter((r) => r > 0 && r <= k).length / n;
  return { queries: ranks.length, hit1: r4(hits(1)), hit3: r4(hits(3)), mrr: r4(ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / n) };
}

export interface ClassScores {
  n: number;
  accuracy: number;
  macroF1: number;
  /** Share of messages the scorer called neutral: counted wrong, since every review here has a polarity. */
  neutral: number;
}

export function classScores(gold: readonly string[], predicted: readonly string[], classes: readonly string[]): ClassScores {
  const f1s = classes.map((c) => {
    const tp = gold.filter((g, i) => g === c && predicted[i] === c).length;
    const fp = predicted.filter((p, i) => p === c && gold[i] !== c).length;
    const fn = gold.filter((g, i) => g === c && predicted[i] !== c).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  const correct = gold.filter((g, i) => predicted[i] === g).length;
  return {
    n: gold.length,
    accuracy: r4(correct / (gold.length || 1)),
    macroF1: r4(f1s.reduce((s, f) => s + f, 0) / classes.length),
    neutral: r4(predicted.filter((p) => !classes.includes(p)).length / (gold.length || 1)),
  };
}

/** Deterministic shuffle (mulberry32), so every run scores the same sample. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
