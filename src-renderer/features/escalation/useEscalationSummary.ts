import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';

/** How many recent messages the summary reads: it is about what is happening now. */
const RECENT = 30;

/**
 * The extractive summary the receiver reads first, made by the AI worker from the
 * cached messages (works offline), one "who: what" line each, in the agent's language.
 * Undefined while it is being made.
 */
export function useEscalationSummary(conversationId: string): string | undefined {
  const { t } = useTranslation();
  const { db, ai } = useServices();
  const [summary, setSummary] = useState<string>();
  useEffect(() => {
    let current = true;
    void (async () => {
      const recent = await db.messages
        .where('[conversationId+createdAt]')
        .between([conversationId, 0], [conversationId, Infinity])
        .reverse()
        .limit(RECENT)
        .toArray();
      const turns = recent.reverse().filter((m) => !m.private).map((m) => ({ author: m.author.kind, text: m.text }));
      const lines = await ai.summarize(turns);
      if (current) setSummary(lines.map((line) => `${t(`escalation.author.${line.author}`)}: ${line.text}`).join('\n'));
    })();
    return () => {
      current = false;
    };
  }, [db, ai, conversationId, t]);
  return summary;
}
