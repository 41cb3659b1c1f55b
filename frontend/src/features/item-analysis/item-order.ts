import type { Item } from './types';

/** Flagged questions first: a possibly wrong key first, then the most flags; then by code. */
export function flaggedFirst(items: Item[]): Item[] {
  const wrongKey = (item: Item) => (item.flags.includes('MAYBE_WRONG_KEY') ? 1 : 0);
  return [...items].sort(
    (a, b) => wrongKey(b) - wrongKey(a) || b.flags.length - a.flags.length || a.code.localeCompare(b.code),
  );
}

/** "A".."D" for options 1..4. */
export function letter(option: number): string {
  return String.fromCharCode(64 + option);
}
