import type { Actor } from '../../platform/authz/actor.ts';

/** What a service says happened; the ledger turns it into a canonical, pseudonymous event. */
export interface LedgerEventInput {
  /** Dotted verb, e.g. `identity.user.created`. */
  action: string;
  resource: {
    type: string;
    id: string | null;
    /** The id names a person: it is replaced by their pseudonym. */
    isPerson?: boolean;
  };
  /** Field-level changes; values are stored only as keyed digests. */
  changes?: Array<{ field: string; old?: unknown; new?: unknown }>;
  /** Free text that may hold personal data: kept outside the leaf, committed to inside it. */
  privateText?: Record<string, string>;
}

/** The event as hashed into the log (version 1). Field order is irrelevant: it is canonicalised. */
export interface LedgerEventV1 {
  v: 1;
  org: string;
  seq: number;
  time: string;
  actor: { type: Actor['kind']; id: string | null; token: string | null };
  action: string;
  resource: { type: string; id: string | null };
  request: string | null;
  changes: Array<{ field: string; old: string | null; new: string | null }>;
  private: Record<string, string>;
}

export const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
