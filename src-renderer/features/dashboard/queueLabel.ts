import type { TFunction } from 'i18next';

/** The queues every account has get a name in each language; skill and language queues show their key. */
const BUILT_IN: ReadonlySet<string> = new Set(['general', 'tier2', 'supervisor']);

export const queueLabel = (t: TFunction, queue: string): string => (BUILT_IN.has(queue) ? t(`dashboard.queueName.${queue}`) : queue);
