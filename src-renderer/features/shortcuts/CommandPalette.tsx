import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useInbox } from '../../app/services.js';
import { filterCommands } from './paletteCommands.js';
import { usePaletteCommands } from './usePaletteCommands.js';

export function CommandPalette() {
  const open = useInbox((s) => s.overlay === 'palette');
  return open ? <Palette /> : null;
}

function Palette() {
  const { t } = useTranslation();
  const setOverlay = useInbox((s) => s.setOverlay);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const commands = usePaletteCommands(query);
  // Conversation matches are already filtered by name; the rest by the words typed.
  const shown = [...filterCommands(commands.filter((c) => !c.id.startsWith('open:')), query), ...commands.filter((c) => c.id.startsWith('open:'))];

  const choose = (index: number) => {
    const command = shown[index];
    if (!command) return;
    setOverlay(null);
    command.run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length === 0 ? 0 : (i + step + shown.length) % shown.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    }
  };

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('palette.label')} data-testid="command-palette" onClick={() => setOverlay(null)}>
      <div className="overlay-panel palette" onClick={(e) => e.stopPropagation()}>
        <input
          autoFocus
          data-testid="palette-input"
          value={query}
          placeholder={t('palette.placeholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        {shown.length === 0 ? (
          <p className="muted">{t('palette.empty')}</p>
        ) : (
          <ul role="listbox">
            {shown.map((c, i) => (
              <li key={c.id} role="option" aria-selected={i === active} data-testid="palette-item" onMouseEnter={() => setActive(i)} onClick={() => choose(i)}>
                {c.label}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
