import { createStore } from 'zustand/vanilla';
import type { ErrorInfo, RewriteSettingsInput, RewriteSettingsView, WorkstationBridge } from '../../../src-shared/index.js';

export interface RewriteState {
  /** null until loaded from main (the key itself never reaches the renderer). */
  settings: RewriteSettingsView | null;
  load(bridge: WorkstationBridge): Promise<void>;
  save(bridge: WorkstationBridge, input: RewriteSettingsInput): Promise<ErrorInfo | null>;
}

/** The optional rewrite's settings as main reports them, shared by the form and the suggestion bar. */
export const rewriteStore = createStore<RewriteState>()((set) => ({
  settings: null,
  async load(bridge) {
    const result = await bridge.ai.rewriteSettings({});
    if (result.ok) set({ settings: result.value });
  },
  async save(bridge, input) {
    const result = await bridge.ai.configureRewrite(input);
    if (!result.ok) return result.error;
    set({ settings: result.value });
    return null;
  },
}));
