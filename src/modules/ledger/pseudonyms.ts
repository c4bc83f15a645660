import crypto from 'node:crypto';
import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/time.ts';
import { canonicalize } from './canonical-json.ts';

/**
 * Keyed pseudonyms and digests. People appear in ledger entries only as HMAC-SHA-256 of their id
 * under an organisation secret, and changed values only as keyed digests, so an entry never
 * holds personal data in clear and a value cannot be recovered by guessing and hashing.
 * The secret never changes once made, so caching it per process is safe with several servers.
 */
const keys = new Map<string, Buffer>();

export async function organisationKey(db: DbOrTx, organisationId: string): Promise<Buffer> {
  const cached = keys.get(organisationId);
  if (cached) return cached;
  let row = await db.selectFrom('organisation_secrets').select('pseudonym_key').where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('organisation_secrets')
      .values({ organisation_id: organisationId, pseudonym_key: crypto.randomBytes(32).toString('base64'), created_at: nowIso() })
      .onConflict((oc) => oc.column('organisation_id').doNothing())
      .execute();
    row = await db.selectFrom('organisation_secrets').select('pseudonym_key').where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  }
  const key = Buffer.from(row.pseudonym_key, 'base64');
  keys.set(organisationId, key);
  return key;
}

export function pseudonym(key: Buffer, personId: string): string {
  return 'p:' + crypto.createHmac('sha256', key).update('person\n').update(personId).digest('base64url').slice(0, 32);
}

/** A keyed digest of any JSON value; null stays null so that "set" and "cleared" are visible. */
export function valueDigest(key: Buffer, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return 'h:' + crypto.createHmac('sha256', key).update('value\n').update(canonicalize(value)).digest('base64url');
}
