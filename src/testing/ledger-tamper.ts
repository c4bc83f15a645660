import { sql } from 'kysely';
import type { Database } from '../platform/db/database.ts';

/** What an attacker with database access does first: switch off the append-only triggers. */
export async function dropLedgerTriggers(database: Database): Promise<void> {
  for (const table of ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints']) {
    if (database.dialect === 'postgres') {
      await sql`drop trigger ${sql.id(`${table}_append_only`)} on ${sql.table(table)}`.execute(database.db);
      await sql`drop trigger ${sql.id(`${table}_no_truncate`)} on ${sql.table(table)}`.execute(database.db);
    } else {
      await sql`drop trigger ${sql.id(`${table}_no_update`)}`.execute(database.db);
      await sql`drop trigger ${sql.id(`${table}_no_delete`)}`.execute(database.db);
    }
  }
}
