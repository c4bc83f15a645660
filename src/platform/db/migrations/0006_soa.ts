import type { Kysely } from 'kysely';

// Frozen once released: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each version of the Statement of Applicability: drafted, submitted, approved by a council
  // member other than its author, then frozen; the next change starts a new version.
  await db.schema
    .createTable('soa_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('soa_versions_number_unique', ['organisation_id', 'number'])
    .execute();

  await db.schema
    .createTable('soa_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('soa_version_id', 'text', (c) => c.notNull().references('soa_versions.id'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // 'annex_a' for the 38 controls; 'additional' for controls the organisation adds.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('implementation_status', 'text', (c) => c.notNull())
    .addColumn('risk_refs', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('soa_entries_control_unique', ['soa_version_id', 'control_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('aims migrations are forward-only');
}
