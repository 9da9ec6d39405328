import { useEffect } from 'react';

/** j/k or ↓/↑ move through the list; ignored while typing in a field. */
export function useInboxKeys(ids: readonly string[], selectedId: string | null, select: (id: string) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
      if (step === 0 || ids.length === 0) return;
      e.preventDefault();
      const index = selectedId ? ids.indexOf(selectedId) : -1;
      const next = ids[Math.min(ids.length - 1, Math.max(0, index + step))];
      if (next) select(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ids, selectedId, select]);
}
