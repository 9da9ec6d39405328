import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import type { QueueStats } from '../../../src-shared/index.js';
import { samplesSince } from '../../db/queueSamples.js';
import { throughputOption, waitingOption } from './chartOptions.js';
import { HISTORY_MS, MINUTE_MS, perMinute, waitingSeries } from './chartSeries.js';
import { EChart } from './EChart.js';

/**
 * The last hour of one queue, from the sampled history (so it survives a reload), with the
 * live numbers as the last point: an idle hub sends no frames, so no samples either.
 */
export function QueueCharts({ stats }: { stats: QueueStats }) {
  const { t } = useTranslation();
  const { db } = useServices();
  // The range moves once a minute; new samples re-run the query on their own (live query).
  const minute = Math.ceil(stats.at / MINUTE_MS) * MINUTE_MS;
  const range = useMemo(() => ({ from: minute - HISTORY_MS, to: minute }), [minute]);
  const { accountId, queue, channel, at, waiting: waitingNow } = stats;
  const samples = useLiveQuery(() => samplesSince(db, { accountId, queue, channel }, range.from), [db, accountId, queue, channel, range.from]);
  const names = useMemo(() => ({ arrivals: t('dashboard.arrivals'), resolved: t('dashboard.resolved') }), [t]);
  const throughput = useMemo(() => throughputOption(perMinute([...(samples ?? []), stats]), range, names), [samples, stats, range, names]);
  const waiting = useMemo(
    () => waitingOption([...waitingSeries(samples ?? []), [at, waitingNow]], range, t('dashboard.waiting')),
    [samples, at, waitingNow, range, t],
  );

  if (!samples) return <p className="muted" data-testid="dashboard-charts-loading">{t('dashboard.loadingHistory')}</p>;
  return (
    <div className="dashboard-charts" data-testid="dashboard-charts" data-samples={samples.length} data-first-sample={samples[0]?.at}>
      <figure>
        <figcaption>{t('dashboard.throughputTitle')}</figcaption>
        <EChart option={throughput} label={t('dashboard.throughputTitle')} testId="chart-throughput" />
      </figure>
      <figure>
        <figcaption>{t('dashboard.waitingTitle')}</figcaption>
        <EChart option={waiting} label={t('dashboard.waitingTitle')} testId="chart-waiting" />
      </figure>
    </div>
  );
}
