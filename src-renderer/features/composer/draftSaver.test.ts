import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver } from './draftSaver.js';

afterEach(() => void vi.useRealTimers());

describe('createDraftSaver', () => {
  it('saves the last text once typing pauses', () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const saver = createDraftSaver((t) => saved.push(t), 300);
    saver.edited('你');
    vi.advanceTimersByTime(200);
    saver.edited('你好');
    vi.advanceTimersByTime(299);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(['你好']);
  });

  it('saves what is pending at once when flushed (the composer unmounts), and only once', () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const saver = createDraftSaver((t) => saved.push(t), 300);
    saver.edited('已为您查询');
    saver.flush();
    vi.advanceTimersByTime(1_000);
    saver.flush();
    expect(saved).toEqual(['已为您查询']);
  });
});
