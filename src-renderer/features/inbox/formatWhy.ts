import type { TFunction } from 'i18next';

/**
 * The engine's reasons are codes (`complaint:投诉`, `repeat`, `fell from neutral to very
 * negative`); the agent reads the customer's own words and translated signals.
 */
export function formatWhy(t: TFunction, why: readonly string[]): string {
  const words = why.flatMap((w) => {
    const word = /^(neg|complaint|human|anger|risk-word):(.+)$/.exec(w)?.[2];
    if (word) return [`“${word}”`];
    if (w === 'repeat') return [t('mood.repeat')];
    if (w === 'risk:high') return [t('mood.riskHigh')];
    if (w === 'caps' || w === 'exclaim') return [t('mood.shouting')];
    if (w.startsWith('fell from')) return [t('mood.fell')];
    return [];
  });
  return [...new Set(words)].join('、');
}
