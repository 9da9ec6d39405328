import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';

/** Enter sends (Shift+Enter: new line), or Ctrl/Cmd+Enter sends (Enter: new line). */
export type SendKey = 'enter' | 'mod-enter';

export const sendKeyStore = createStore<{ sendKey: SendKey; set(k: SendKey): void }>()(
  persist((set) => ({ sendKey: 'enter', set: (sendKey) => set({ sendKey }) }), {
    name: 'workstation.sendKey',
    storage: createJSONStorage(() => localStorage),
  }),
);

export interface EnterPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Whether this key press sends the reply under the agent's choice. */
export function isSend(e: EnterPress, mode: SendKey): boolean {
  if (e.key !== 'Enter') return false;
  return mode === 'enter' ? !e.shiftKey && !e.ctrlKey && !e.metaKey : e.ctrlKey || e.metaKey;
}
