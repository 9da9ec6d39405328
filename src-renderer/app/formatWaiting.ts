import type { TFunction } from 'i18next';

/** "3 min", "2 h": how long ago, in the agent's language. */
export function formatWaiting(t: TFunction, since: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - since) / 60_000);
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('time.hours', { count: hours });
  return t('time.days', { count: Math.floor(hours / 24) });
}
