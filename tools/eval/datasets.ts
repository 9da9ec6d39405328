import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv.js';

/** The public evaluation sets (../shared/data/README.md): read here, never shipped. */
export const DATA_DIR = join(process.cwd(), '../shared/data');
export const hasData = (): boolean => existsSync(DATA_DIR);

const rows = (file: string, separator = ',') => parseCsv(readFileSync(join(DATA_DIR, file), 'utf8'), separator);

export interface Labeled {
  text: string;
  label: string;
}

/** Banking77: header "text,category". */
export function banking77(split: 'train' | 'test'): Labeled[] {
  return rows(`banking77/${split}.csv`)
    .slice(1)
    .map(([text, label]) => ({ text: text!, label: label! }));
}

/** ATEC: id, q1, q2, same (tab-separated, no header). */
export function atecPairs(): Array<{ q1: string; q2: string; same: boolean }> {
  return rows('zh-question-matching/atec_nlp_sim_train.csv', '\t').map(([, q1, q2, same]) => ({ q1: q1!.trim(), q2: q2!.trim(), same: same?.trim() === '1' }));
}

/** Chinese reviews: header "label,review", label 1 positive / 0 negative. */
export function reviews(file: 'waimai_10k.csv' | 'ChnSentiCorp_htl_all.csv'): Labeled[] {
  return rows(`zh-sentiment/${file}`)
    .slice(1)
    .filter((r) => r[1])
    .map(([label, text]) => ({ text: text!, label: label === '1' ? 'positive' : 'negative' }));
}
