import type { DbOrTx } from '../../platform/db/database.ts';
import type { OrganisationsTable } from '../../platform/db/tables.ts';

export async function findOrganisationBySlug(db: DbOrTx, slug: string): Promise<OrganisationsTable | undefined> {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationsTable | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(db: DbOrTx, row: OrganisationsTable): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}
