import { useEffect } from 'react';
import { parseQuery } from '../../db/searchQuery.js';
import { hitRanges } from './hitRanges.js';
import type { SearchFocus } from './searchStore.js';

const HIGHLIGHT = 'search-hit';
const GIVE_UP_MS = 10_000;

/** The rendered message whose text is the hit's (the newest if several say the same). */
function findMessage(focus: SearchFocus): HTMLElement | null {
  const view = document.querySelector(`[data-testid="conversation-view"][data-conversation="${CSS.escape(focus.conversationId)}"]`);
  const shown = [...(view?.querySelectorAll<HTMLElement>('[data-testid="message"]') ?? [])];
  const head = focus.text.slice(0, 2_000);
  return shown.reverse().find((el) => el.querySelector('.message-text')?.textContent?.startsWith(head)) ?? null;
}

/** Marks the hits inside the message's text with the CSS Custom Highlight API (no DOM changes). */
function mark(el: HTMLElement, focus: SearchFocus): void {
  el.dataset.searchHit = 'true';
  el.scrollIntoView({ block: 'center' });
  const node = el.querySelector('.message-text')?.firstChild;
  if (!(node instanceof Text) || typeof Highlight === 'undefined') return;
  const ranges = hitRanges(focus.text, parseQuery(focus.query))
    .filter(([, b]) => b <= node.length)
    .map(([a, b]) => {
      const range = new Range();
      range.setStart(node, a);
      range.setEnd(node, b);
      return range;
    });
  CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
}

/**
 * After a result is opened: waits for its message to render (scrolling the list up so
 * earlier pages load, if the hit is older than the first page), scrolls to it, marks it.
 */
export function useHitHighlight(focus: SearchFocus | null): void {
  useEffect(() => {
    if (!focus) return;
    let marked: HTMLElement | null = null;
    const check = () => {
      if (marked) return;
      const el = findMessage(focus);
      if (el) {
        marked = el;
        mark(el, focus);
        return;
      }
      const scroller = document.querySelector<HTMLElement>('[data-testid="message-scroller"]');
      if (scroller?.querySelector('.load-earlier')) scroller.scrollTop = 0;
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
    check();
    const stop = setTimeout(() => observer.disconnect(), GIVE_UP_MS);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
      if (marked) delete marked.dataset.searchHit;
      if (typeof Highlight !== 'undefined') CSS.highlights.delete(HIGHLIGHT);
    };
  }, [focus]);
}
