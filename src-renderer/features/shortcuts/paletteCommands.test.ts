import { describe, expect, it } from 'vitest';
import { filterCommands, type PaletteCommand } from './paletteCommands.js';

const cmd = (label: string): PaletteCommand => ({ id: label, label, run: () => {} });
const all = [cmd('Show: Mine'), cmd('Language: 繁體中文'), cmd('打开会话：王女士'), cmd('Resolve this conversation')];

describe('filterCommands', () => {
  it.each([
    ['', 4],
    ['mine', 1],
    ['MINE', 1],
    ['王', 1],
    ['conversation resolve', 1],
    ['繁體', 1],
    ['nothing', 0],
  ])('%j → %i', (query, count) => {
    expect(filterCommands(all, query)).toHaveLength(count);
  });
});
