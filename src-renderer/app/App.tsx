import { AccountPanel } from '../features/accounts/AccountPanel.js';
import { ConversationView } from '../features/conversation/ConversationView.js';
import { ConversationList } from '../features/inbox/ConversationList.js';
import { useBadge } from '../features/notifications/useBadge.js';
import { OfflineBanner } from '../features/outbox/OfflineBanner.js';
import { SearchColumn } from '../features/search/SearchColumn.js';
import { DashboardPanel } from '../features/dashboard/index.js';
import { AuditPanel } from '../features/audit/AuditPanel.js';
import { DeliveriesPanel } from '../features/deliveries/index.js';
import { EscalateDialog } from '../features/escalation/EscalateDialog.js';
import { BotViewPanel } from '../features/supervision/BotViewPanel.js';
import { KnowledgePanel } from '../features/knowledge/KnowledgePanel.js';
import { CommandPalette } from '../features/shortcuts/CommandPalette.js';
import { HelpOverlay } from '../features/shortcuts/HelpOverlay.js';
import { ShortcutLayer } from '../features/shortcuts/ShortcutLayer.js';
import { Header } from './Header.js';
import { Notice } from './Notice.js';

export function App({ linkLost }: { linkLost: boolean }) {
  useBadge();
  return (
    <div className="app">
      <Header linkLost={linkLost} />
      <OfflineBanner />
      <main className="workspace">
        <aside className="sidebar">
          <AccountPanel />
        </aside>
        <SearchColumn>
          <ConversationList />
        </SearchColumn>
        <ConversationView />
      </main>
      <Notice />
      <HelpOverlay />
      <CommandPalette />
      <KnowledgePanel />
      <DashboardPanel />
      <BotViewPanel />
      <AuditPanel />
      <DeliveriesPanel />
      <EscalateDialog />
      <ShortcutLayer />
    </div>
  );
}
