/** A palette entry: what it says and what it does. */
export interface PaletteCommand {
  id: string;
  label: string;
  run(): void;
}

/** Case-insensitive match on every word of the query, in any order (拼音 input arrives as characters). */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((c) => {
    const label = c.label.toLowerCase();
    return words.every((w) => label.includes(w));
  });
}
