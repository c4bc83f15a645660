import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

const APPEND_ONLY_TABLES = ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints'] as const;

/**
 * Triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on the ledger's tables.
 * They stop mistakes and casual edits; an attacker who can drop triggers is caught by verification.
 */
async function appendOnlyTriggers(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create or replace function aims_ledger_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'aims ledger is append-only: % on % refused', tg_op, tg_table_name using errcode = '42501';
      end $$`.execute(db);
    for (const table of APPEND_ONLY_TABLES) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)} for each row execute function aims_ledger_append_only()`.execute(db);
      await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function aims_ledger_append_only()`.execute(db);
    }
    return;
  }
  for (const table of APPEND_ONLY_TABLES) {
    for (const op of ['update', 'delete'] as const) {
      await sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`aims ledger is append-only: ${op} on ${table} refused`)}); end`.execute(db);
    }
  }
}

// Frozen once released: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per organisation's log. Appends update it first: on PostgreSQL the row lock orders
  // concurrent writers (several servers included), so sequence numbers have no gaps and no forks.
  await db.schema
    .createTable('ledger_heads')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    // The canonical JSON of the event: the exact bytes the leaf hash covers.
    .addColumn('event', 'text', (c) => c.notNull())
    // Copies of event fields for filtering; verification never trusts them.
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_entries_pk', ['organisation_id', 'seq'])
    .execute();
  await db.schema.createIndex('ledger_entries_resource_idx').on('ledger_entries').columns(['organisation_id', 'resource_type', 'resource_id']).execute();
  await db.schema.createIndex('ledger_entries_time_idx').on('ledger_entries').columns(['organisation_id', 'created_at']).execute();

  // Complete-subtree hashes: each written once, so any root or proof needs O(log n) reads.
  await db.schema
    .createTable('ledger_nodes')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_nodes_pk', ['organisation_id', 'level', 'idx'])
    .execute();

  await db.schema
    .createTable('ledger_checkpoints')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('tree_size', 'integer', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_checkpoints_pk', ['organisation_id', 'tree_size'])
    .execute();

  // Public keys that have signed checkpoints; retired keys stay so old checkpoints still verify.
  await db.schema
    .createTable('ledger_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('verifier_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Free text that may hold personal data lives here, outside the leaf, which holds only a
  // salted commitment; erasure clears text and salt and leaves a tombstone.
  await db.schema
    .createTable('ledger_private_texts')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('salt', 'text')
    .addColumn('text', 'text')
    .addColumn('erased_at', 'text')
    .addPrimaryKeyConstraint('ledger_private_texts_pk', ['organisation_id', 'seq', 'field'])
    .execute();

  // The per-organisation key of the pseudonyms that stand for people in ledger entries.
  await db.schema
    .createTable('organisation_secrets')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('pseudonym_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await appendOnlyTriggers(db);
}

export async function down(): Promise<void> {
  throw new Error('aims migrations are forward-only');
}
