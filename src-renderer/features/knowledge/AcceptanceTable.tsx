import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { kbOf } from '../../db/kb.js';
import { feedbackOfAccount } from '../../db/suggestionFeedback.js';
import { acceptanceByArticle } from '../feedback/index.js';
import './acceptance.css';

/**
 * Per article: how often its suggestion was shown and what agents did with it, from
 * every agent's feedback cached for the account. Worst first by default: the articles
 * a lead should rewrite (or add example questions to) come first.
 */
export function AcceptanceTable({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [worstFirst, setWorstFirst] = useState(true);
  const rows = useLiveQuery(() => feedbackOfAccount(db, accountId), [db, accountId]);
  const articles = useLiveQuery(() => kbOf(db, accountId, 'article'), [db, accountId]);
  const titles = useMemo(() => new Map((articles ?? []).map((a) => [a.id, a.title])), [articles]);
  const ranked = useMemo(() => {
    const all = acceptanceByArticle(rows ?? []);
    return worstFirst ? all : all.reverse();
  }, [rows, worstFirst]);
  const pct = (n: number) => t('feedback.percent', { pct: Math.round(n * 100) });

  if (rows === undefined) return null;
  if (ranked.length === 0) return <p className="muted kb-pick" data-testid="acceptance-empty">{t('feedback.acceptanceEmpty')}</p>;
  return (
    <div className="acceptance" data-testid="acceptance">
      <p className="muted">{t('feedback.acceptanceTitle')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('feedback.article')}</th>
            <th scope="col">{t('feedback.shown')}</th>
            <th scope="col">{t('feedback.inserted')}</th>
            <th scope="col">{t('feedback.edited')}</th>
            <th scope="col">{t('feedback.ignored')}</th>
            <th scope="col" aria-sort={worstFirst ? 'ascending' : 'descending'}>
              <button type="button" className="link-button" data-testid="acceptance-sort" onClick={() => setWorstFirst(!worstFirst)}>
                {t('feedback.rate')} {worstFirst ? '↑' : '↓'}
              </button>
              <span className="sr-only">{t(worstFirst ? 'feedback.worstFirst' : 'feedback.bestFirst')}</span>
            </th>
            <th scope="col">{t('feedback.up')}</th>
            <th scope="col">{t('feedback.down')}</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((a) => (
            <tr key={a.articleId} data-testid="acceptance-row" data-article={a.articleId}>
              <th scope="row">{titles.get(a.articleId) ?? t('feedback.deleted', { id: a.articleId })}</th>
              <td>{a.shown}</td>
              <td>{a.inserted}</td>
              <td>{a.edited}</td>
              <td>{a.ignored}</td>
              <td data-testid="acceptance-rate">{pct(a.rate)}</td>
              <td>{a.up}</td>
              <td>{a.down}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
