import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest, migrationStatus } from './migrate.ts';
import { migrations } from './migrations/index.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.dispose());

describe('migrations', () => {
  it('applies the whole stream once and reports it applied', async () => {
    const status = await migrationStatus(t.db, t.schema);
    expect(status.map((m) => m.name)).toEqual(Object.keys(migrations).sort());
    expect(status.every((m) => m.applied && m.appliedAt)).toBe(true);
    expect(await migrateToLatest(t.db, t.schema)).toEqual([]);
  });

  it('lets several servers migrate one database at the same time without applying anything twice', async () => {
    if (t.dialect !== 'postgres') {
      // SQLite: one file, one writer at a time; the same guarantee comes from the lock table.
      expect(await Promise.all([migrateToLatest(t.db), migrateToLatest(t.db)])).toEqual([[], []]);
      return;
    }
    const url = process.env.AIMS_TEST_DATABASE_URL!;
    const fresh = `${t.schema}_fresh`;
    await t.db.schema.createSchema(fresh).execute();
    const servers = [1, 2, 3].map(() => openDatabase({ databaseUrl: url, pgSchema: fresh, pgPoolSize: 2 }));
    try {
      const applied = await Promise.all(servers.map((s) => migrateToLatest(s.db, fresh)));
      expect(applied.flat().sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await t.db.schema.dropSchema(fresh).cascade().execute();
    }
  });
});
