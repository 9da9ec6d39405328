import { useEffect, useState } from 'react';
import type { BridgeLinkState } from '../bridge/webBridge.js';
import { App } from './App.js';
import { ServicesProvider, type Services } from './services.js';

/** Renders the app and follows the bridge link (web host only: a restarted host shows a banner). */
export function Root({ services, subscribeLink }: { services: Services; subscribeLink: (fn: (s: BridgeLinkState) => void) => void }) {
  const [link, setLink] = useState<BridgeLinkState>('open');
  useEffect(() => subscribeLink(setLink), [subscribeLink]);
  return (
    <ServicesProvider services={services}>
      <App linkLost={link === 'closed'} />
    </ServicesProvider>
  );
}
