import type { DbOrTx } from '../../platform/db/database.ts';
import type { SessionsTable } from '../../platform/db/tables.ts';

export async function insertSession(db: DbOrTx, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session with what is needed to build the actor, in one round trip. */
export async function findSessionContext(db: DbOrTx, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 's.user_id').onRef('m.organisation_id', '=', 's.organisation_id'))
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id as session_id',
      's.user_id as user_id',
      's.organisation_id as organisation_id',
      's.csrf_token as csrf_token',
      's.last_seen_at as last_seen_at',
      's.expires_at as expires_at',
      's.revoked_at as revoked_at',
      'm.id as membership_id',
      'm.status as membership_status',
      'o.slug as organisation_slug',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTx, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: DbOrTx, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Ends every session of a user in an organisation (on deactivation or password change). */
export async function revokeSessionsOf(db: DbOrTx, organisationId: string, userId: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .execute();
}
