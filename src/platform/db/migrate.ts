import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

// Kysely looks for its bookkeeping tables across all schemas; naming ours keeps several aims
// schemas in one PostgreSQL database (as the tests make) from seeing each other's.
function migrator(db: Db, schema: string | undefined): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

export class MigrationError extends Error {}

/**
 * Applies pending migrations. Kysely takes a lock in the database first, so several aims servers
 * starting together against one PostgreSQL apply each migration exactly once.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db, schema).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface MigrationStatus {
  name: string;
  applied: boolean;
  appliedAt: string | null;
}

export async function migrationStatus(db: Db, schema?: string): Promise<MigrationStatus[]> {
  const list = await migrator(db, schema).getMigrations();
  return list.map((m) => ({ name: m.name, applied: m.executedAt !== undefined, appliedAt: m.executedAt?.toISOString() ?? null }));
}
