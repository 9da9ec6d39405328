/**
 * Heap snapshots of a page through CDP (HeapProfiler.takeHeapSnapshot), summarized per
 * constructor (self size and count), and the difference of two: what a soak's growth is
 * made of. A leak shows as constructors whose count keeps rising between snapshots;
 * bounded growth (a cache filling up to its cap) stops rising in a later pair.
 */
import type { CDPSession } from '@playwright/test';

export interface ConstructorStat {
  /** `object:Foo` for objects of constructor Foo, `closure:fn`, `string`, `array:(…)`… */
  key: string;
  count: number;
  bytes: number;
}

export interface HeapSummary {
  totalBytes: number;
  nodes: number;
  byConstructor: Map<string, ConstructorStat>;
}

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Takes a snapshot after a forced GC (the chunks arrive as events while the command runs). */
export async function takeHeapSnapshot(cdp: CDPSession): Promise<HeapSummary> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return summarize(JSON.parse(chunks.join('')) as RawSnapshot);
}

/** Groups strings and code by type only: their names are contents, not kinds. */
const BY_TYPE_ONLY = new Set(['string', 'concatenated string', 'sliced string', 'code', 'number', 'hidden', 'symbol', 'bigint']);

export function summarize(raw: RawSnapshot): HeapSummary {
  const fields = raw.snapshot.meta.node_fields;
  const types = raw.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const byConstructor = new Map<string, ConstructorStat>();
  let totalBytes = 0;
  for (let i = 0; i < raw.nodes.length; i += width) {
    const type = types[raw.nodes[i + typeAt]!] ?? 'unknown';
    const bytes = raw.nodes[i + sizeAt]!;
    const key = BY_TYPE_ONLY.has(type) ? type : `${type}:${raw.strings[raw.nodes[i + nameAt]!]!.slice(0, 60)}`;
    const stat = byConstructor.get(key) ?? { key, count: 0, bytes: 0 };
    stat.count++;
    stat.bytes += bytes;
    byConstructor.set(key, stat);
    totalBytes += bytes;
  }
  return { totalBytes, nodes: raw.nodes.length / width, byConstructor };
}

export interface ConstructorGrowth {
  key: string;
  countDelta: number;
  kbDelta: number;
  countAfter: number;
}

/** The constructors that grew most in bytes from `before` to `after` (and the totals). */
export function diffHeaps(before: HeapSummary, after: HeapSummary, top = 15): { totalKbDelta: number; nodesDelta: number; grew: ConstructorGrowth[] } {
  const grew: ConstructorGrowth[] = [];
  for (const [key, a] of after.byConstructor) {
    const b = before.byConstructor.get(key) ?? { count: 0, bytes: 0 };
    grew.push({ key, countDelta: a.count - b.count, kbDelta: Math.round((a.bytes - b.bytes) / 102.4) / 10, countAfter: a.count });
  }
  grew.sort((x, y) => y.kbDelta - x.kbDelta);
  return { totalKbDelta: Math.round((after.totalBytes - before.totalBytes) / 102.4) / 10, nodesDelta: after.nodes - before.nodes, grew: grew.slice(0, top) };
}
