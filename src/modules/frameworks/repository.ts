import type { DbOrTx } from '../../platform/db/database.ts';
import type { CustomFrameworksTable } from '../../platform/db/tables.ts';

export async function listCustom(db: DbOrTx, organisationId: string): Promise<CustomFrameworksTable[]> {
  return db.selectFrom('custom_frameworks').selectAll().where('organisation_id', '=', organisationId).orderBy('framework_id').execute();
}

export async function findCustom(db: DbOrTx, organisationId: string, frameworkId: string): Promise<CustomFrameworksTable | undefined> {
  return db.selectFrom('custom_frameworks').selectAll().where('organisation_id', '=', organisationId).where('framework_id', '=', frameworkId).executeTakeFirst();
}

export async function insertCustom(db: DbOrTx, row: CustomFrameworksTable): Promise<void> {
  await db.insertInto('custom_frameworks').values(row).execute();
}
