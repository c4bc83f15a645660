import type { Kysely } from 'kysely';

// Frozen once released: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    // 'aims' for the management system as a whole; 'ai_system' with ai_system_id once the inventory exists.
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('ai_system_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // The maturity the organisation aims for (e.g. 4.5 from 2.1), on the same 0-5 scale.
    .addColumn('target_maturity', 'real')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('assessments_org_idx').on('assessments').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('assessment_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('workflow_status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('justification', 'text')
    .addColumn('maturity', 'integer')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_date', 'text')
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('assessment_results_item_unique', ['assessment_id', 'item_id'])
    .execute();

  // A snapshot freezes every result of an assessment at a moment (a baseline, a quarter's end).
  await db.schema
    .createTable('assessment_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_snapshots_idx').on('assessment_snapshots').columns(['assessment_id', 'taken_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('aims migrations are forward-only');
}
