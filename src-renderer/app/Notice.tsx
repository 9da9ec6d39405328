import { useEffect } from 'react';
import { useInbox, useServices } from './services.js';

const SHOWN_MS = 4_000;

/** The one-line toast after an action; errors stay until the next action replaces them. */
export function Notice() {
  const { inbox } = useServices();
  const notice = useInbox((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.error) return;
    const timer = setTimeout(() => inbox.setState({ notice: null }), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, inbox]);
  if (!notice) return null;
  return (
    <div role={notice.error ? 'alert' : 'status'} className={`notice${notice.error ? ' notice-error' : ''}`} data-testid="notice">
      {notice.text}
    </div>
  );
}
