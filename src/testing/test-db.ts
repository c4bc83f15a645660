import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

/**
 * A fresh, migrated database for one test file: SQLite in memory by default, or, when
 * AIMS_TEST_DATABASE_URL is set, a new PostgreSQL schema that is dropped afterwards, so that
 * parallel runs never collide.
 */
export interface TestDatabase extends Database {
  /** Drops what was created and closes the connections. */
  dispose(): Promise<void>;
}

export const testDatabaseUrl = process.env.AIMS_TEST_DATABASE_URL || undefined;

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!testDatabaseUrl) {
    const database = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(database.db);
    return { ...database, dispose: () => database.close() };
  }
  const schema = `aims_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ databaseUrl: testDatabaseUrl, pgSchema: schema, pgPoolSize: 5 });
  await migrateToLatest(database.db, schema);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
