import type { Kysely } from 'kysely';

// Frozen once released: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('review_status', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('file_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('evidence_org_idx').on('evidence').columns(['organisation_id', 'created_at']).execute();

  // Every upload is a new version; the content is stored by its SHA-256 and checked on download.
  await db.schema
    .createTable('evidence_files')
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('file_version', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_files_pk', ['evidence_id', 'file_version'])
    .execute();

  // One piece of evidence can serve many requirements.
  await db.schema
    .createTable('evidence_links')
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('result_id', 'text', (c) => c.notNull().references('assessment_results.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_links_pk', ['evidence_id', 'result_id'])
    .execute();
  await db.schema.createIndex('evidence_links_result_idx').on('evidence_links').column('result_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('aims migrations are forward-only');
}
