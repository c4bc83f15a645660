import type { LedgerEntry } from '../../api/types.ts';

/** The parts of the canonical event (version 1) the page shows; anything else stays in the raw JSON. */
export interface LedgerEventView {
  v?: number;
  org?: string;
  seq?: number;
  time?: string;
  actor?: { type?: string; id?: string | null; token?: string | null };
  action?: string;
  resource?: { type?: string; id?: string | null };
  request?: string | null;
  changes?: Array<{ field: string; old: string | null; new: string | null }>;
  private?: Record<string, string>;
}

export function eventOf(entry: LedgerEntry): LedgerEventView {
  return entry.event as LedgerEventView;
}

export function changesOf(entry: LedgerEntry): NonNullable<LedgerEventView['changes']> {
  const changes = eventOf(entry).changes;
  return Array.isArray(changes) ? changes : [];
}

/** `system` for aims itself; a person only ever as their pseudonym. */
export function isPseudonym(actor: string): boolean {
  return actor.startsWith('p:');
}
