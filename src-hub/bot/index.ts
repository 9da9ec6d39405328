export { startFirstLineBot, type FirstLineBot } from './firstLineBot.js';
export type { BotOptions } from './botOptions.js';
export { announceJoin } from './announceJoin.js';
