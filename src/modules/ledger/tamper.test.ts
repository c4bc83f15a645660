import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, type TestOrg } from '../../testing/factories.ts';
import { dropLedgerTriggers } from '../../testing/ledger-tamper.ts';
import { testSigner } from '../../testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { appendEvents } from './append.service.ts';
import { createCheckpoint } from './checkpoints.service.ts';
import { canonicalize } from './canonical-json.ts';
import { verifyDatabase } from './export.service.ts';
import { leafHash } from './merkle.ts';
import { ephemeralSigner, publishKey } from './signing-key.ts';

/**
 * Tampering as an attacker with database access would do it, triggers dropped first. Each case
 * works on a log of 31 entries (the organisation's creation plus 30) with checkpoints at 11, 21, 31.
 */
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await publishKey(t.db, testSigner);
  await dropLedgerTriggers(t);
});
afterAll(async () => t.dispose());

async function seededLog(): Promise<TestOrg> {
  const org = await makeOrganisation(t.db);
  for (let batch = 0; batch < 3; batch++) {
    await t.db.transaction().execute((tx) =>
      appendEvents(tx, org.system.actor, null, Array.from({ length: 10 }, (_, i) => ({ action: 'test.item.created', resource: { type: 'item', id: `${batch}-${i}` } }))),
    );
    await createCheckpoint(t.db, org.id, testSigner);
  }
  expect((await verifyDatabase(t.db, org.id)).ok).toBe(true);
  return org;
}

const entry = (orgId: string, seq: number) => t.db.selectFrom('ledger_entries').selectAll().where('organisation_id', '=', orgId).where('seq', '=', seq).executeTakeFirstOrThrow();

async function rewriteEvent(orgId: string, seq: number, edit: (event: Record<string, unknown>) => void, fixLeafHash: boolean): Promise<void> {
  const row = await entry(orgId, seq);
  const event = JSON.parse(row.event) as Record<string, unknown>;
  edit(event);
  const text = canonicalize(event);
  await t.db
    .updateTable('ledger_entries')
    .set({ event: text, ...(fixLeafHash ? { leaf_hash: leafHash(Buffer.from(text)).toString('hex') } : {}) })
    .where('organisation_id', '=', orgId)
    .where('seq', '=', seq)
    .execute();
}

describe('tamper detection', () => {
  it('detects an edited field at the right entry', async () => {
    const org = await seededLog();
    await rewriteEvent(org.id, 12, (e) => ((e.resource as { id: string }).id = 'forged'), false);
    expect((await verifyDatabase(t.db, org.id)).problem).toMatchObject({ kind: 'leaf_hash_mismatch', seq: 12 });
  });

  it('detects an edit whose leaf hash was recomputed, at the first checkpoint covering it', async () => {
    const org = await seededLog();
    await rewriteEvent(org.id, 12, (e) => (e.action = 'test.item.deleted'), true);
    expect((await verifyDatabase(t.db, org.id)).problem).toMatchObject({ kind: 'checkpoint_root_mismatch', treeSize: 21 });
  });

  it('detects a non-canonical edit (whitespace or reordering) at the right entry', async () => {
    const org = await seededLog();
    const row = await entry(org.id, 5);
    await t.db.updateTable('ledger_entries').set({ event: row.event.replace('{', '{ ') }).where('organisation_id', '=', org.id).where('seq', '=', 5).execute();
    expect((await verifyDatabase(t.db, org.id)).problem).toMatchObject({ kind: 'not_canonical', seq: 5 });
  });

  it('detects a deleted entry', async () => {
    const org = await seededLog();
    await t.db.deleteFrom('ledger_entries').where('organisation_id', '=', org.id).where('seq', '=', 7).execute();
    expect((await verifyDatabase(t.db, org.id)).problem).toMatchObject({ kind: 'sequence_gap', seq: 7 });
  });

  it('detects an inserted entry', async () => {
    const org = await seededLog();
    // Make room at 15 by renumbering the tail (from the end, to keep keys unique), then slip in a forged entry.
    for (let seq = 30; seq >= 15; seq--) await sql`update ledger_entries set seq = ${seq + 1} where organisation_id = ${org.id} and seq = ${seq}`.execute(t.db);
    const forged = { ...JSON.parse((await entry(org.id, 14)).event), seq: 15, action: 'test.item.approved' };
    const text = canonicalize(forged);
    await t.db.insertInto('ledger_entries').values({ organisation_id: org.id, seq: 15, leaf_hash: leafHash(Buffer.from(text)).toString('hex'), event: text, action: 'test.item.approved', resource_type: 'item', resource_id: null, actor: 'system', created_at: new Date().toISOString() }).execute();
    expect((await verifyDatabase(t.db, org.id)).problem).toMatchObject({ kind: 'wrong_sequence', seq: 15 });
  });

  it('detects two swapped entries at the first of them', async () => {
    const org = await seededLog();
    const [a, b] = [await entry(org.id, 3), await entry(org.id, 9)];
    await t.db.updateTable('ledger_entries').set({ event: b.event, leaf_hash: b.leaf_hash }).where('organisation_id', '=', org.id).where('seq', '=', 3).execute();
    await t.db.updateTable('ledger_entries').set({ event: a.event, leaf_hash: a.leaf_hash }).where('organisation_id', '=', org.id).where('seq', '=', 9).execute();
    expect((await verifyDatabase(t.db, org.id)).problem).toMatchObject({ kind: 'wrong_sequence', seq: 3 });
  });

  it('detects a truncated tail through the checkpoint that covered it', async () => {
    const org = await seededLog();
    await t.db.deleteFrom('ledger_entries').where('organisation_id', '=', org.id).where('seq', '>=', 25).execute();
    await t.db.updateTable('ledger_heads').set({ size: 25 }).where('organisation_id', '=', org.id).execute();
    expect((await verifyDatabase(t.db, org.id)).problem).toMatchObject({ kind: 'checkpoint_beyond_log', treeSize: 31 });
  });

  it('detects an altered checkpoint signature', async () => {
    const org = await seededLog();
    const cp = await t.db.selectFrom('ledger_checkpoints').selectAll().where('organisation_id', '=', org.id).where('tree_size', '=', 21).executeTakeFirstOrThrow();
    const lines = cp.note.split('\n');
    const sig = lines.findIndex((l) => l.startsWith('\u2014 '));
    const parts = lines[sig]!.split(' ');
    const bytes = Buffer.from(parts[2]!, 'base64');
    bytes[10] = bytes[10]! ^ 1;
    lines[sig] = `${parts[0]} ${parts[1]} ${bytes.toString('base64')}`;
    await t.db.updateTable('ledger_checkpoints').set({ note: lines.join('\n') }).where('organisation_id', '=', org.id).where('tree_size', '=', 21).execute();
    expect((await verifyDatabase(t.db, org.id)).problem).toMatchObject({ kind: 'checkpoint_signature', treeSize: 21 });
  });

  it('catches a log rewritten and re-signed with a new key only against a checkpoint kept elsewhere', async () => {
    const org = await seededLog();
    const trusted = (await t.db.selectFrom('ledger_checkpoints').select('note').where('organisation_id', '=', org.id).where('tree_size', '=', 21).executeTakeFirstOrThrow()).note;
    // The attacker throws the log away and writes a history of their own, signed with their own published key.
    for (const table of ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints', 'ledger_heads'] as const) await t.db.deleteFrom(table).where('organisation_id', '=', org.id).execute();
    const attacker = ephemeralSigner('aims');
    await publishKey(t.db, attacker);
    await t.db.transaction().execute((tx) =>
      appendEvents(tx, org.system.actor, null, Array.from({ length: 31 }, () => ({ action: 'test.item.created', resource: { type: 'item', id: crypto.randomUUID() } }))),
    );
    await createCheckpoint(t.db, org.id, attacker);
    expect((await verifyDatabase(t.db, org.id)).ok).toBe(true);
    expect((await verifyDatabase(t.db, org.id, { trustedCheckpoint: trusted })).problem).toMatchObject({ kind: 'trusted_checkpoint', treeSize: 21 });
  });

  it('detects damaged stored tree nodes that would make proofs wrong', async () => {
    const org = await seededLog();
    await t.db.updateTable('ledger_nodes').set({ hash: '00'.repeat(32) }).where('organisation_id', '=', org.id).where('level', '=', 4).where('idx', '=', 0).execute();
    expect((await verifyDatabase(t.db, org.id)).ok).toBe(false);
  });
});
