import type { Migration } from 'kysely';
import * as m0001 from './0001_identity.ts';
import * as m0002 from './0002_ledger.ts';
import * as m0003 from './0003_custom_frameworks.ts';
import * as m0004 from './0004_assessments.ts';
import * as m0005 from './0005_evidence.ts';
import * as m0006 from './0006_soa.ts';

/**
 * The one migration stream for both databases, in order. Names are sorted by Kysely, so keep the
 * four-digit prefix.
 */
export const migrations: Record<string, Migration> = {
  '0001_identity': m0001,
  '0002_ledger': m0002,
  '0003_custom_frameworks': m0003,
  '0004_assessments': m0004,
  '0005_evidence': m0005,
  '0006_soa': m0006,
};
