import { describe, expect, it } from 'vitest';
import { pickLanguage, resources } from './i18n.js';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const english = keys(resources.en as Tree).sort();

  it.each(['zh-CN', 'zh-TW'] as const)('%s has exactly the English keys', (lng) => {
    expect(keys(resources[lng] as Tree).sort()).toEqual(english);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('%s keeps every {{placeholder}} of English', (lng) => {
    const get = (tree: Tree, key: string) =>
      key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;
    for (const key of english) {
      expect([key, placeholders(get(resources[lng] as Tree, key))]).toEqual([
        key,
        placeholders(get(resources.en as Tree, key)),
      ]);
    }
  });

  it('has no empty strings', () => {
    for (const lng of ['zh-CN', 'zh-TW', 'en'] as const) {
      const walk = (tree: Tree): void =>
        Object.values(tree).forEach((v) => (typeof v === 'string' ? expect(v.trim()).not.toBe('') : walk(v)));
      walk(resources[lng] as Tree);
    }
  });
});

describe('pickLanguage', () => {
  it.each([
    [null, ['zh-TW'], 'zh-TW'],
    [null, ['zh-HK'], 'zh-TW'],
    [null, ['zh-Hant-TW'], 'zh-TW'],
    [null, ['zh-CN'], 'zh-CN'],
    [null, ['zh'], 'zh-CN'],
    [null, ['en-US', 'zh-CN'], 'en'],
    [null, ['fr-FR'], 'zh-CN'],
    ['en', ['zh-CN'], 'en'],
    ['xx', ['zh-TW'], 'zh-TW'],
  ])('saved %s, system %j → %s', (saved, system, expected) => {
    expect(pickLanguage(saved, system)).toBe(expected);
  });
});
