import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { makeOrganisation } from '../../testing/factories.ts';
import { createTestDatabase, testDatabaseUrl } from '../../testing/test-db.ts';
import { verifyDatabase } from './export.service.ts';

/** kill -9 during a burst of appends: every acknowledged entry survives and the log verifies. */
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function target(): Promise<{ database: Database; env: Record<string, string> }> {
  if (testDatabaseUrl) {
    const database = await createTestDatabase();
    cleanups.push(() => database.dispose());
    return { database, env: { BURST_DATABASE_URL: testDatabaseUrl, BURST_SCHEMA: database.schema! } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-crash-'));
  const database = openDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  cleanups.push(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { database, env: { BURST_DATA_DIR: dir } };
}

describe('crash safety', () => {
  it('keeps every acknowledged entry after kill -9 mid-burst, and the log verifies', async () => {
    const { database, env } = await target();
    const org = await makeOrganisation(database.db);
    const script = path.resolve(import.meta.dirname, '../../testing/ledger-burst.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env, BURST_ORG: org.id }, stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: number[] = [];
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) acknowledged.push(Number(line));
        if (acknowledged.length >= 300 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited early: ${code}`))));
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

    const stored = new Set((await database.db.selectFrom('ledger_entries').select('seq').where('organisation_id', '=', org.id).execute()).map((r) => Number(r.seq)));
    const lost = acknowledged.filter((seq) => !stored.has(seq));
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length + 1);
    const verdict = await verifyDatabase(database.db, org.id);
    expect(verdict).toMatchObject({ ok: true, entries: stored.size });
  });
});
