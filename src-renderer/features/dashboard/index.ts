export { createLeadAlerter } from './leadAlerter.js';
export { startQueueSampler } from './startQueueSampler.js';
export type { QueueStatsState, QueueStatsStore } from './queueStatsStore.js';
export { DashboardPanel } from './DashboardPanel.js';
