import type { DbOrTx } from '../../platform/db/database.ts';
import type { ApiTokensTable } from '../../platform/db/tables.ts';
import { parseSort } from '../../platform/http/schemas.ts';

export async function insertToken(db: DbOrTx, row: ApiTokensTable): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findTokenContext(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 't.user_id').onRef('m.organisation_id', '=', 't.organisation_id'))
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select([
      't.id as token_id',
      't.user_id as user_id',
      't.organisation_id as organisation_id',
      't.scopes as scopes',
      't.expires_at as expires_at',
      't.revoked_at as revoked_at',
      't.last_used_at as last_used_at',
      'm.id as membership_id',
      'm.status as membership_status',
      'o.slug as organisation_slug',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markTokenUsed(db: DbOrTx, tokenId: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}

export interface TokenFilter {
  status?: 'active' | 'expired' | 'revoked' | undefined;
  now: string;
}

export async function listTokens(
  db: DbOrTx,
  organisationId: string,
  userId: string,
  filter: TokenFilter,
  paging: { limit: number; offset: number; sort: string },
): Promise<{ rows: ApiTokensTable[]; total: number }> {
  let base = db.selectFrom('api_tokens').where('organisation_id', '=', organisationId).where('user_id', '=', userId);
  if (filter.status === 'revoked') base = base.where('revoked_at', 'is not', null);
  if (filter.status === 'expired') base = base.where('revoked_at', 'is', null).where('expires_at', '<=', filter.now);
  if (filter.status === 'active') base = base.where('revoked_at', 'is', null).where('expires_at', '>', filter.now);
  const { field, direction } = parseSort(paging.sort);
  const column = field as 'created_at' | 'name' | 'expires_at';
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy(column, direction).orderBy('id').limit(paging.limit).offset(paging.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findOwnToken(db: DbOrTx, organisationId: string, userId: string, tokenId: string) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id', '=', tokenId)
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function revokeToken(db: DbOrTx, tokenId: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', tokenId).where('revoked_at', 'is', null).execute();
}

export async function revokeTokensOf(db: DbOrTx, organisationId: string, userId: string, at: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
