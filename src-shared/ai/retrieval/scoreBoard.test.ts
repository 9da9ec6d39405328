import { describe, expect, it } from 'vitest';
import { ScoreBoard } from './scoreBoard.js';

const ids = ['a', 'b', 'c', 'd'];
const idOf = (slot: number) => ids[slot]!;

describe('ScoreBoard', () => {
  it('keeps the k best, ties by id', () => {
    const board = new ScoreBoard();
    board.add(2, 1);
    board.add(1, 3);
    board.add(0, 3);
    board.add(3, 0.5);
    expect(board.top(3, idOf)).toEqual([['a', 3], ['b', 3], ['c', 1]]);
    expect(board.top(0, idOf)).toEqual([]);
  });

  it('adds up, keeps the max, and starts clean after clear', () => {
    const board = new ScoreBoard();
    board.add(1, 1);
    board.add(1, 2);
    board.max(2, 5);
    board.max(2, 4);
    expect([board.get(1), board.get(2), board.get(3), board.get(10_000)]).toEqual([3, 5, 0, 0]);
    board.clear();
    expect(board.count).toBe(0);
    expect(board.get(1)).toBe(0);
    board.add(3, 1);
    expect(board.top(5, idOf)).toEqual([['d', 1]]);
  });

  it('grows past its first size', () => {
    const board = new ScoreBoard();
    for (let slot = 0; slot < 1000; slot++) board.add(slot, slot + 1);
    expect(board.count).toBe(1000);
    expect(board.top(2, String)).toEqual([['999', 1000], ['998', 999]]);
  });
});
