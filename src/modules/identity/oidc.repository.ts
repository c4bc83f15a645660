import type { DbOrTx } from '../../platform/db/database.ts';
import type { OidcLoginStatesTable } from '../../platform/db/tables.ts';

/** All SQL of single sign-on: pending logins and links between provider subjects and people. */
export async function purgeStatesBefore(db: DbOrTx, before: string): Promise<void> {
  await db.deleteFrom('oidc_login_states').where('created_at', '<', before).execute();
}

/** Deletes and returns the row in one statement, so two callbacks racing with one state cannot both use it. */
export async function consumeState(db: DbOrTx, state: string): Promise<OidcLoginStatesTable | undefined> {
  return db.deleteFrom('oidc_login_states').where('state', '=', state).returningAll().executeTakeFirst();
}

export async function insertState(db: DbOrTx, row: OidcLoginStatesTable): Promise<void> {
  await db.insertInto('oidc_login_states').values(row).execute();
}

export async function findLinkedUser(db: DbOrTx, issuer: string, subject: string): Promise<string | undefined> {
  const row = await db.selectFrom('oidc_identities').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  return row?.user_id;
}

/** Links a subject to a person unless it is linked already; returns whether this call made the link. */
export async function linkIdentity(db: DbOrTx, row: { issuer: string; subject: string; user_id: string; created_at: string }): Promise<boolean> {
  const result = await db.insertInto('oidc_identities').values(row).onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findUserIdentity(db: DbOrTx, userId: string): Promise<{ email: string; name: string }> {
  return db.selectFrom('users').select(['email', 'name']).where('id', '=', userId).executeTakeFirstOrThrow();
}
