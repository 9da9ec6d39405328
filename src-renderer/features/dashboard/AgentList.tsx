import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentLoad } from '../../../src-shared/index.js';
import { DRAG_TYPE } from './QueueConversationRow.js';

type Availability = 'available' | 'busy' | 'away' | 'offline';
const availabilityOf = (a: AgentLoad): Availability =>
  a.status !== 'online' ? a.status : a.capacity > 0 && a.load >= a.capacity ? 'busy' : 'available';
const ORDER: readonly Availability[] = ['available', 'busy', 'away', 'offline'];

/** Who serves the queue and how full they are; a conversation dropped on an agent goes to them. */
export function AgentList({ agents, onDrop }: { agents: readonly AgentLoad[]; onDrop: (conversationId: string, personId: string) => void }) {
  const { t } = useTranslation();
  const [over, setOver] = useState<string | null>(null);
  const sorted = [...agents].sort((a, b) => ORDER.indexOf(availabilityOf(a)) - ORDER.indexOf(availabilityOf(b)) || a.name.localeCompare(b.name));
  const counts = ORDER.map((k) => [k, agents.filter((a) => availabilityOf(a) === k).length] as const);

  return (
    <section className="dashboard-agents" aria-labelledby="dashboard-agents-title">
      <h3 id="dashboard-agents-title">{t('dashboard.agents')}</h3>
      <p className="agent-counts" data-testid="agent-counts">
        {counts.map(([k, n]) => (
          <span key={k} className={`badge agent-${k}`} data-availability={k}>
            {t(`dashboard.availability.${k}`)} {n}
          </span>
        ))}
      </p>
      {agents.length === 0 && <p className="muted">{t('dashboard.noAgents')}</p>}
      <ul>
        {sorted.map((a) => (
          <li
            key={a.personId}
            className={`agent-row${over === a.personId ? ' drop-target' : ''}`}
            data-testid="agent-row"
            data-person={a.personId}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              setOver(a.personId);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(e) => {
              setOver(null);
              const conversationId = e.dataTransfer.getData(DRAG_TYPE);
              if (conversationId) onDrop(conversationId, a.personId);
            }}
          >
            <span className={`presence presence-${availabilityOf(a)}`} aria-hidden="true" />
            <span className="agent-name">{a.name}</span>
            <span className="muted">{t(`dashboard.availability.${availabilityOf(a)}`)}</span>
            <span className="agent-load" data-testid="agent-load">
              {t('dashboard.load', { load: a.load, capacity: a.capacity })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
