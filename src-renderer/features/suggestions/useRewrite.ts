import { useEffect, useRef, useState } from 'react';
import type { Suggestion } from '../../../src-shared/ai/index.js';
import type { ErrorInfo } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';

export type RewriteView =
  | { articleId: string; status: 'working' }
  | { articleId: string; status: 'done'; text: string; model: string }
  | { articleId: string; status: 'failed'; error: ErrorInfo };

/**
 * One rewrite at a time, of one suggestion, for the current question. It runs beside
 * the local suggestions and never replaces them; a newer question drops the answer.
 */
export function useRewrite(question: string | null) {
  const { bridge } = useServices();
  const [view, setView] = useState<RewriteView | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    asked.current++;
    setView(null);
  }, [question]);

  const start = async (s: Suggestion) => {
    const ticket = ++asked.current;
    setView({ articleId: s.articleId, status: 'working' });
    const result = await bridge.ai.rewrite({ text: s.body, question: question ?? '', language: s.language });
    if (ticket !== asked.current) return; // a newer question or rewrite took its place
    setView(result.ok ? { articleId: s.articleId, status: 'done', ...result.value } : { articleId: s.articleId, status: 'failed', error: result.error });
  };
  const clear = () => {
    asked.current++;
    setView(null);
  };
  return { view, start, clear };
}
