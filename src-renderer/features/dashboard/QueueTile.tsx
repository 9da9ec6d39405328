import { useTranslation } from 'react-i18next';
import type { QueueStats } from '../../../src-shared/index.js';
import { formatDuration } from './formatDuration.js';
import { queueLabel } from './queueLabel.js';

interface Props {
  stats: QueueStats;
  selected: boolean;
  now: number;
  onSelect: () => void;
}

/** One queue on one channel: the numbers a lead scans first. */
export function QueueTile({ stats: s, selected, now, onSelect }: Props) {
  const { t } = useTranslation();
  // The longest wait keeps growing between frames (hub clock; a frame resets it).
  const longest = s.waiting > 0 ? s.longestWaitMs + Math.max(0, now - s.at) : 0;
  return (
    <button type="button" className={`queue-tile${selected ? ' selected' : ''}`} aria-pressed={selected} data-testid="queue-tile" data-queue={s.queue} data-channel={s.channel} onClick={onSelect}>
      <span className="queue-tile-title">
        <strong>{queueLabel(t, s.queue)}</strong> <span className="badge">{t(`channel.${s.channel}`)}</span>
      </span>
      <span className="queue-numbers">
        <Figure label={t('dashboard.waiting')} value={String(s.waiting)} testId="tile-waiting" />
        <Figure label={t('dashboard.longestWait')} value={formatDuration(longest)} testId="tile-longest" />
        <Figure label={t('dashboard.slaBreaches')} value={String(s.slaBreaches)} testId="tile-sla" alarm={s.slaBreaches > 0} />
        <Figure label={t('dashboard.active')} value={String(s.active)} testId="tile-active" />
        <Figure label={t('dashboard.bot')} value={String(s.bot)} testId="tile-bot" />
      </span>
    </button>
  );
}

function Figure({ label, value, testId, alarm = false }: { label: string; value: string; testId: string; alarm?: boolean }) {
  return (
    <span className={`queue-number${alarm ? ' alarm' : ''}`}>
      <span className="queue-number-value" data-testid={testId}>
        {value}
      </span>
      <span className="queue-number-label">{label}</span>
    </span>
  );
}
