/**
 * Saves a draft a moment after the last keystroke, and at once when the composer goes
 * away: switching conversations within that moment used to cancel the save and lose
 * the last words typed (seen in the soak benchmark, which types fast).
 */
export function createDraftSaver(save: (text: string) => void, delayMs: number) {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const text = pending;
    pending = null;
    save(text);
  };
  return {
    edited(text: string) {
      pending = text;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
