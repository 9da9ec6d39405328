import type { ChartOption } from './EChart.js';
import type { MinutePoint } from './chartSeries.js';

/** A line of one or two points is invisible without its symbols (a fresh history, a reopened app). */
const FEW_POINTS = 20;

type Window = { from: number; to: number };
type Line = { name: string; data: Array<[number, number]>; step?: 'end'; area?: boolean };

/** Every dashboard chart: counts over the time window, no animation (live data redraws each second). */
function linesOver(window: Window, lines: Line[]): ChartOption {
  return {
    animation: false,
    grid: { left: 36, right: 12, top: 28, bottom: 24 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'time', min: window.from, max: window.to },
    yAxis: { type: 'value', minInterval: 1 },
    series: lines.map((l) => ({
      type: 'line',
      name: l.name,
      showSymbol: l.data.length < FEW_POINTS,
      data: l.data,
      ...(l.step ? { step: l.step } : {}),
      ...(l.area ? { areaStyle: { opacity: 0.15 } } : {}),
    })),
  };
}

/** Arrivals and resolutions per minute over the window, one line each. */
export const throughputOption = (points: readonly MinutePoint[], window: Window, names: { arrivals: string; resolved: string }): ChartOption =>
  linesOver(window, [
    { name: names.arrivals, data: points.map((p) => [p.at, p.arrivals]) },
    { name: names.resolved, data: points.map((p) => [p.at, p.resolved]) },
  ]);

/** Customers waiting, as sampled. */
export const waitingOption = (points: ReadonlyArray<[number, number]>, window: Window, name: string): ChartOption =>
  linesOver(window, [{ name, data: points.map(([at, n]) => [at, n]), step: 'end', area: true }]);
