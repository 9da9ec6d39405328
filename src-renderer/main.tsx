import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createServices } from './app/createServices.js';
import { Root } from './app/Root.js';
import { getBridge } from './bridge/getBridge.js';
import type { BridgeLinkState } from './bridge/webBridge.js';
import { initI18n } from './i18n/i18n.js';
import './app/app.css';

async function boot() {
  const i18n = await initI18n(localStorage, navigator.languages);
  document.documentElement.lang = i18n.language;
  const container = document.getElementById('root')!;

  let linkListener: (state: BridgeLinkState) => void = () => {};
  let onOpen = () => {};
  let linkState = 'connecting' as BridgeLinkState;
  const bridge = getBridge((state) => {
    linkState = state;
    linkListener(state);
    if (state === 'open') onOpen();
  });
  if (!bridge) {
    container.textContent = i18n.t('app.bridgeMissing');
    return;
  }

  const { services, refresh } = createServices(bridge, i18n.t.bind(i18n));
  // Every time the link to main (re)opens, reload accounts and resume from the cache's cursors.
  onOpen = () => void refresh();
  if (linkState === 'open') onOpen();

  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Root
          services={services}
          subscribeLink={(fn) => {
            linkListener = fn;
          }}
        />
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
