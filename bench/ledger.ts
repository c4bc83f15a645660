/**
 * Ledger benchmarks, each a ratio against a baseline measured in the same run:
 * - batched appends (1,000 events per transaction) vs plain better-sqlite3 inserts of the same rows without hashing (target >= 30%);
 * - single-event transactions per second on SQLite (target >= 2,000/s);
 * - verifying N entries vs plainly SHA-256-hashing the same bytes (target >= 50%);
 * - inclusion proof latency at N entries (target median < 5 ms).
 * BENCH_LEDGER_ENTRIES sets N (default 1,000,000; building the log takes a few minutes).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { systemActor } from '../src/platform/authz/actor.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { ensureOrganisation } from '../src/modules/identity/organisations.service.ts';
import { appendEvents } from '../src/modules/ledger/append.service.ts';
import { createCheckpoint } from '../src/modules/ledger/checkpoints.service.ts';
import { verifyDatabase } from '../src/modules/ledger/export.service.ts';
import { proveInclusion } from '../src/modules/ledger/proofs.service.ts';
import { streamEntries } from '../src/modules/ledger/repository.ts';
import { ephemeralSigner, publishKey } from '../src/modules/ledger/signing-key.ts';
import type { LedgerEventInput } from '../src/modules/ledger/event.ts';

const N = Number(process.env.BENCH_LEDGER_ENTRIES ?? 1_000_000);
const BATCH = 1000;

function event(i: number): LedgerEventInput {
  return { action: 'decision.credit.logged', resource: { type: 'decision', id: `d-${i}` }, changes: [{ field: 'outcome', new: i % 3 === 0 ? 'declined' : 'approved' }, { field: 'score', new: (i * 7919) % 1000 }] };
}

function line(name: string, value: string, verdict: string): void {
  console.log(name.padEnd(70) + value.padStart(22) + '  ' + verdict);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-ledger-'));
  const database = openDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  const signer = ephemeralSigner();
  await publishKey(database.db, signer);
  const { organisation } = await ensureOrganisation(database.db, 'bench', 'Bench');
  const actor = systemActor(organisation.id, 'bench', []);

  // 1. Batched appends vs plain inserts of the same rows (same columns, no hashing, no tree).
  const batches = 20;
  let t0 = performance.now();
  for (let b = 0; b < batches; b++) {
    await database.db.transaction().execute((tx) => appendEvents(tx, actor, null, Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i))));
  }
  const ledgerRate = (batches * BATCH) / ((performance.now() - t0) / 1000);
  const plain = new SQLite(path.join(dir, 'plain.sqlite'));
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = NORMAL');
  // The same table shape as ledger_entries (primary key and both indexes): the same rows, without hashing or a tree.
  plain.exec(`create table rows (organisation_id text, seq integer, leaf_hash text, event text, action text, resource_type text, resource_id text, actor text, created_at text, primary key (organisation_id, seq));
    create index rows_resource on rows (organisation_id, resource_type, resource_id);
    create index rows_time on rows (organisation_id, created_at);`);
  const insert = plain.prepare('insert into rows values (?,?,?,?,?,?,?,?,?)');
  const sample = JSON.stringify({ v: 1, org: organisation.id, seq: 0, time: new Date().toISOString(), actor: { type: 'system', id: null, token: null }, action: 'decision.credit.logged', resource: { type: 'decision', id: 'd-0' }, request: null, changes: [{ field: 'outcome', new: 'h:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', old: null }], private: {} });
  t0 = performance.now();
  for (let b = 0; b < batches; b++) {
    plain.transaction(() => {
      for (let i = 0; i < BATCH; i++) insert.run(organisation.id, b * BATCH + i, 'x'.repeat(64), sample, 'decision.credit.logged', 'decision', `d-${i}`, 'system', new Date().toISOString());
    })();
  }
  const plainRate = (batches * BATCH) / ((performance.now() - t0) / 1000);
  line('batched appends (1,000/tx) vs plain better-sqlite3 inserts', `${ledgerRate.toFixed(0)} vs ${plainRate.toFixed(0)} /s`, `${((ledgerRate / plainRate) * 100).toFixed(0)}% (target >= 30%)`);

  // 2. Single-event transactions.
  const singles = 3000;
  t0 = performance.now();
  for (let i = 0; i < singles; i++) await database.db.transaction().execute((tx) => appendEvents(tx, actor, null, [event(i)]));
  const singleRate = singles / ((performance.now() - t0) / 1000);
  line('single-event transactions on SQLite', `${singleRate.toFixed(0)} /s`, `(target >= 2,000/s)`);

  // Fill up to N entries for verification and proofs.
  let size = 1 + batches * BATCH + singles;
  const fillStart = performance.now();
  while (size < N) {
    const n = Math.min(5000, N - size);
    await database.db.transaction().execute((tx) => appendEvents(tx, actor, null, Array.from({ length: n }, (_, i) => event(size + i))));
    size += n;
    if (process.stderr.isTTY) process.stderr.write(`\rbuilding the log: ${size.toLocaleString('en')} / ${N.toLocaleString('en')}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(`built a log of ${size.toLocaleString('en')} entries in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
  await createCheckpoint(database.db, organisation.id, signer);

  // 3. Verification vs plain SHA-256 of the same bytes (read from the same table, same pages).
  t0 = performance.now();
  const verdict = await verifyDatabase(database.db, organisation.id);
  const verifySeconds = (performance.now() - t0) / 1000;
  if (!verdict.ok) throw new Error(`verification failed: ${JSON.stringify(verdict.problem)}`);
  t0 = performance.now();
  let last = -1;
  for (;;) {
    const rows = await database.db.selectFrom('ledger_entries').select(['seq', 'event']).where('organisation_id', '=', organisation.id).where('seq', '>', last).orderBy('seq').limit(5000).execute();
    if (rows.length === 0) break;
    for (const r of rows) crypto.createHash('sha256').update(r.event).digest();
    last = Number(rows[rows.length - 1]!.seq);
  }
  const hashSeconds = (performance.now() - t0) / 1000;
  line(`verify ${size.toLocaleString('en')} entries vs read + SHA-256 of the same bytes`, `${verifySeconds.toFixed(2)} s vs ${hashSeconds.toFixed(2)} s`, `${((hashSeconds / verifySeconds) * 100).toFixed(0)}% of the speed (target >= 50%)`);
  // The stricter reading: the bytes already in memory, hashed with nothing else to do.
  const texts: string[] = [];
  for await (const page of streamEntries(database.db, organisation.id)) for (const r of page) texts.push(r.event);
  t0 = performance.now();
  for (const text of texts) crypto.createHash('sha256').update(text).digest();
  const memorySeconds = (performance.now() - t0) / 1000;
  line(`  ... vs SHA-256 of the same bytes already in memory`, `${verifySeconds.toFixed(2)} s vs ${memorySeconds.toFixed(2)} s`, `${((memorySeconds / verifySeconds) * 100).toFixed(0)}% of the speed`);
  texts.length = 0;

  // 4. Inclusion proofs at N entries.
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const seq = Math.floor(Math.random() * size);
    const start = performance.now();
    await proveInclusion(database.db, organisation.id, seq, size);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  line(`inclusion proof at ${size.toLocaleString('en')} entries`, `median ${times[150]!.toFixed(2)} ms, p99 ${times[296]!.toFixed(2)} ms`, '(target median < 5 ms)');

  plain.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
