import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../../src-shared/index.js';

export function CannedMenu({ items, active, query, onPick }: { items: KbArticle[]; active: number; query: string; onPick: (c: KbArticle) => void }) {
  const { t } = useTranslation();
  return (
    <div className="canned-menu" data-testid="canned-menu" role="listbox" aria-label={t('canned.title')}>
      {items.length === 0 ? (
        <p className="muted">{t('canned.none', { query })}</p>
      ) : (
        <ul>
          {items.map((c, i) => (
            <li key={c.id} role="option" aria-selected={i === active} data-testid="canned-item" onMouseDown={(e) => (e.preventDefault(), onPick(c))}>
              <strong>{c.title}</strong> <span className="muted">{c.body}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted canned-hint">{t('canned.hint')}</p>
    </div>
  );
}
