export { DeliveriesPanel } from './DeliveriesPanel.js';
