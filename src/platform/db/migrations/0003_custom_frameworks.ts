import type { Kysely } from 'kysely';

// Frozen once released: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An organisation's own frameworks (an internal control set, say), kept as the file it imported
  // so that it can be exported again exactly and re-validated when the catalogue schema evolves.
  await db.schema
    .createTable('custom_frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('custom_frameworks_org_framework_unique', ['organisation_id', 'framework_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('aims migrations are forward-only');
}
