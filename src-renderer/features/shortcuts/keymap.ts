export type ShortcutAction = 'next' | 'previous' | 'open' | 'claim' | 'resolve' | 'markPending' | 'reopen' | 'escalate' | 'help' | 'palette' | 'search' | 'takeover' | 'botview' | 'escape' | 'dashboard';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface Shortcut {
  action: ShortcutAction;
  /** How the help overlay shows the keys. */
  keys: string[];
  /** Also while typing in a field (Ctrl/Cmd+K, Escape). */
  whileTyping: boolean;
  /** The help overlay's label key, when not `shortcuts.action.<action>`. */
  label?: string;
  matches(e: KeyPress, typing: boolean): boolean;
}

const plain = (e: KeyPress) => !e.ctrlKey && !e.metaKey && !e.altKey;
const oneOf = (...keys: string[]) => (e: KeyPress) => plain(e) && keys.includes(e.key);

/** Every shortcut, once: the key handler and the `?` overlay both read this table. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', keys: ['j', '↓'], whileTyping: false, matches: oneOf('j', 'ArrowDown') },
  { action: 'previous', keys: ['k', '↑'], whileTyping: false, matches: oneOf('k', 'ArrowUp') },
  { action: 'open', keys: ['Enter'], whileTyping: false, matches: oneOf('Enter') },
  { action: 'claim', keys: ['a'], whileTyping: false, matches: oneOf('a') },
  { action: 'resolve', keys: ['e'], whileTyping: false, matches: oneOf('e') },
  { action: 'markPending', keys: ['p'], whileTyping: false, matches: oneOf('p') },
  { action: 'reopen', keys: ['o'], whileTyping: false, matches: oneOf('o') },
  { action: 'escalate', keys: ['x'], whileTyping: false, matches: oneOf('x') },
  { action: 'takeover', keys: ['t'], whileTyping: false, matches: oneOf('t') },
  { action: 'botview', keys: ['b'], whileTyping: false, matches: oneOf('b') },
  { action: 'help', keys: ['?'], whileTyping: false, matches: oneOf('?') },
  // Leads and supervisors: the live queue dashboard (others see why it is empty).
  { action: 'dashboard', keys: ['d'], whileTyping: false, matches: oneOf('d') },
  {
    action: 'palette',
    keys: ['Ctrl+K', '⌘K'],
    whileTyping: true,
    matches: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k',
  },
  {
    // Not `/`: that opens canned responses in the composer.
    action: 'search',
    keys: ['Ctrl+F', '⌘F', 's'],
    whileTyping: true,
    label: 'search.shortcut',
    matches: (e, typing) => ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') || (!typing && oneOf('s')(e)),
  },
  { action: 'escape', keys: ['Esc'], whileTyping: true, matches: (e) => e.key === 'Escape' },
];

/** The action a key press means, given whether the focus is in a text field. */
export function matchShortcut(e: KeyPress, typing: boolean): ShortcutAction | null {
  const hit = SHORTCUTS.find((s) => (s.whileTyping || !typing) && s.matches(e, typing));
  return hit?.action ?? null;
}
