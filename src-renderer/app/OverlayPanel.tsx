import type { ReactNode } from 'react';
import type { Overlay } from '../features/inbox/inboxStore.js';
import { useInbox, useServices } from './services.js';

interface Props {
  overlay: Exclude<Overlay, null>;
  title: string;
  testId: string;
  /** The panel's own width and layout (`.overlay-panel.<className>`). */
  className: string;
  /** Mounted only while the panel is open, so its queries run only then. */
  children: ReactNode;
}

/** A modal panel of the app: open while `overlay` says so, closed by the backdrop or Escape (ShortcutLayer). */
export function OverlayPanel({ overlay, title, testId, className, children }: Props) {
  const open = useInbox((s) => s.overlay === overlay);
  const { inbox } = useServices();
  if (!open) return null;
  const titleId = `${overlay}-title`;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId} onClick={() => inbox.getState().setOverlay(null)}>
      <div className={`overlay-panel ${className}`} onClick={(e) => e.stopPropagation()}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** Opens a conversation in the inbox from a panel, closing the panel. */
export function useOpenFromPanel(): (conversationId: string) => void {
  const { inbox } = useServices();
  return (conversationId) => {
    inbox.getState().select(conversationId);
    inbox.getState().setOverlay(null);
  };
}
