import { describe, expect, it } from 'vitest';
import { botRisk, byRisk } from './botRisk.js';

const NOW = 1_000_000;
const calm = { mood: { flag: false, why: [], label: 'neutral' as const, score: 0 }, bot: { turns: 1, lastConfidence: 0.9, handoverReason: null }, waitingSince: null, lastActivityAt: NOW };

describe('botRisk', () => {
  it('is zero for a calm conversation the bot answers confidently', () => {
    expect(botRisk(calm, NOW)).toEqual({ score: 0, reasons: [] });
  });

  it('names every reason it counts', () => {
    const risky = {
      mood: { flag: true, why: ['complaint:投诉', 'repeat'], label: 'negative' as const, score: -0.8 },
      bot: { turns: 6, lastConfidence: 0.2, handoverReason: null },
      waitingSince: NOW - 120_000,
    };
    expect(botRisk(risky, NOW).reasons).toEqual(['angry', 'repeated', 'low-confidence', 'long-loop', 'waiting']);
    const gaveUp = { ...risky, bot: { ...risky.bot, handoverReason: 'upset' } };
    expect(botRisk(gaveUp, NOW).reasons[0]).toBe('handed-over');
  });

  it('ranks an angry customer above a merely unsure bot, above a calm one; ties by recent activity', () => {
    const angry = { ...calm, id: 'angry', mood: { flag: true, why: ['complaint:投诉'], label: 'negative' as const, score: -0.7 } };
    const unsure = { ...calm, id: 'unsure', bot: { turns: 2, lastConfidence: 0.3, handoverReason: null } };
    const older = { ...calm, id: 'older', lastActivityAt: NOW - 10 };
    const ranked = byRisk([older, unsure, calm, angry].map((c, i) => ({ ...c, id: (c as { id?: string }).id ?? `calm${i}` })), NOW);
    expect(ranked.map((c) => c.id)).toEqual(['angry', 'unsure', 'calm2', 'older']);
  });

  it('works for conversations cached before the hub sent bot state', () => {
    expect(botRisk({ mood: undefined, bot: undefined, waitingSince: undefined }, NOW)).toEqual({ score: 0, reasons: [] });
  });
});
