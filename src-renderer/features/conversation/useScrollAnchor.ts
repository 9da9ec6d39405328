import { useLayoutEffect, useRef, type RefObject } from 'react';

const NEAR_BOTTOM_PX = 120;

/**
 * Keeps a chat scroller where a person expects it: at the bottom when a new message
 * arrives and they were reading the end; exactly where they were when earlier
 * messages are prepended above them.
 */
export function useScrollAnchor(scroller: RefObject<HTMLDivElement | null>, firstId: string | undefined, lastId: string | undefined) {
  const nearBottom = useRef(true);
  const previous = useRef({ firstId, lastId, height: 0, top: 0 });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    if (firstId !== before.firstId && lastId === before.lastId && before.height > 0) {
      el.scrollTop = before.top + (el.scrollHeight - before.height); // earlier page prepended
    } else if (lastId !== before.lastId && nearBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { firstId, lastId, height: el.scrollHeight, top: el.scrollTop };
  }, [scroller, firstId, lastId]);

  /** Call from onScroll. */
  return () => {
    const el = scroller.current;
    if (!el) return;
    nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    previous.current = { ...previous.current, height: el.scrollHeight, top: el.scrollTop };
  };
}
