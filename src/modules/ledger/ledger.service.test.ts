import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { makeOrganisation, makeUser, type TestOrg } from '../../testing/factories.ts';
import { testSigner } from '../../testing/test-app.ts';
import { appendEvent, appendEvents } from './append.service.ts';
import { parseCheckpoint } from './checkpoint.ts';
import { createCheckpoint } from './checkpoints.service.ts';
import { verifyDatabase } from './export.service.ts';
import { verifyConsistency, verifyInclusion } from './merkle.ts';
import { proveConsistency, proveInclusion } from './proofs.service.ts';
import { publishKey } from './signing-key.ts';

let t: TestDatabase;
let org: TestOrg;

beforeAll(async () => {
  t = await createTestDatabase();
  await publishKey(t.db, testSigner);
  org = await makeOrganisation(t.db);
});
afterAll(async () => t.dispose());

const entriesOf = (orgId: string) => t.db.selectFrom('ledger_entries').selectAll().where('organisation_id', '=', orgId).orderBy('seq').execute();
const hex = (s: string) => Buffer.from(s, 'hex');

describe('appending', () => {
  it('writes the change and its entry together, or neither', async () => {
    const before = (await entriesOf(org.id)).length;
    await expect(
      t.db.transaction().execute(async (tx) => {
        await appendEvent(tx, org.system, { action: 'test.thing.created', resource: { type: 'thing', id: 't1' } });
        throw new Error('the change failed after its entry was written');
      }),
    ).rejects.toThrow('the change failed');
    expect((await entriesOf(org.id)).length).toBe(before);
    await t.db.transaction().execute((tx) => appendEvent(tx, org.system, { action: 'test.thing.created', resource: { type: 'thing', id: 't2' } }));
    const after = await entriesOf(org.id);
    expect(after.map((e) => Number(e.seq))).toEqual([...Array(before + 1).keys()]);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(appendEvents(t.db as never, org.system.actor, null, [{ action: 'test.x.y', resource: { type: 'x', id: null } }])).rejects.toThrow(/inside the transaction/);
  });

  it('records people as pseudonyms and values as keyed digests, never in clear', async () => {
    const person = await makeUser(org, ['risk_manager'], { email: `secret.person@${org.slug}.test` });
    const entries = await entriesOf(org.id);
    const created = entries.find((e) => e.action === 'identity.user.created' && e.event.includes('"user"'))!;
    const event = JSON.parse(created.event);
    expect(created.event).not.toContain(person.id);
    expect(created.event).not.toContain('secret.person');
    expect(event.resource.id).toMatch(/^p:[A-Za-z0-9_-]{32}$/);
    expect(event.changes.find((c: { field: string }) => c.field === 'email').new).toMatch(/^h:/);
    const other = await makeOrganisation(t.db);
    const samePerson = await makeUser(other, ['employee'], { email: person.email });
    const otherEvent = JSON.parse((await entriesOf(other.id)).find((e) => e.action === 'identity.user.created')!.event);
    expect(samePerson.id).toBe(person.id);
    // Each organisation has its own key: the same person is not linkable across organisations' logs.
    expect(otherEvent.resource.id).not.toBe(event.resource.id);
  });

  it('keeps free text outside the leaf behind a salted commitment', async () => {
    await t.db.transaction().execute((tx) =>
      appendEvent(tx, org.system, { action: 'test.note.added', resource: { type: 'note', id: 'n1' }, privateText: { comment: 'Jane Doe called about her loan' } }),
    );
    const entry = (await entriesOf(org.id)).at(-1)!;
    expect(entry.event).not.toContain('Jane');
    expect(JSON.parse(entry.event).private.comment).toMatch(/^c:/);
    const text = await t.db.selectFrom('ledger_private_texts').selectAll().where('organisation_id', '=', org.id).where('seq', '=', entry.seq).executeTakeFirstOrThrow();
    expect(text.text).toBe('Jane Doe called about her loan');
  });
});

describe('proofs and checkpoints', () => {
  it('serves inclusion and consistency proofs that verify against signed checkpoints', async () => {
    const o = await makeOrganisation(t.db);
    await t.db.transaction().execute((tx) =>
      appendEvents(tx, o.system.actor, null, Array.from({ length: 40 }, (_, i) => ({ action: 'test.item.created', resource: { type: 'item', id: String(i) } }))),
    );
    const cp1 = (await createCheckpoint(t.db, o.id, testSigner))!;
    expect(cp1.treeSize).toBe(41);
    await t.db.transaction().execute((tx) => appendEvents(tx, o.system.actor, null, Array.from({ length: 23 }, () => ({ action: 'test.item.created', resource: { type: 'item', id: null } }))));
    const cp2 = (await createCheckpoint(t.db, o.id, testSigner))!;
    expect(parseCheckpoint(cp2.note).treeSize).toBe(64);
    for (const seq of [0, 1, 17, 40]) {
      const p = await proveInclusion(t.db, o.id, seq, cp1.treeSize);
      expect(verifyInclusion(seq, cp1.treeSize, hex(p.leafHash), p.proof.map(hex), parseCheckpoint(cp1.note).rootHash)).toBe(true);
      expect(verifyInclusion(seq, cp1.treeSize, hex(p.leafHash), p.proof.map(hex), parseCheckpoint(cp2.note).rootHash)).toBe(false);
    }
    const c = await proveConsistency(t.db, o.id, cp1.treeSize, cp2.treeSize);
    expect(verifyConsistency(cp1.treeSize, cp2.treeSize, c.proof.map(hex), parseCheckpoint(cp1.note).rootHash, parseCheckpoint(cp2.note).rootHash)).toBe(true);
    expect(await createCheckpoint(t.db, o.id, testSigner)).toEqual(cp2);
    expect((await verifyDatabase(t.db, o.id)).ok).toBe(true);
  });

  it('rejects UPDATE and DELETE on the ledger tables in the database itself', async () => {
    for (const statement of [
      sql`update ledger_entries set action = 'edited' where organisation_id = ${org.id}`,
      sql`delete from ledger_entries where organisation_id = ${org.id}`,
      sql`update ledger_nodes set hash = 'x' where organisation_id = ${org.id}`,
      sql`delete from ledger_checkpoints`,
    ]) {
      await expect(statement.execute(t.db)).rejects.toThrow(/append-only/);
    }
  });
});

describe('concurrent writers', () => {
  it('keeps one gap-free, intact sequence with many parallel transactions', async () => {
    const o = await makeOrganisation(t.db);
    const writers = Array.from({ length: 40 }, (_, w) =>
      t.db.transaction().execute((tx) =>
        appendEvents(tx, o.system.actor, null, Array.from({ length: 1 + (w % 5) }, (_, i) => ({ action: 'test.write.done', resource: { type: 'write', id: `${w}.${i}` } }))),
      ),
    );
    const results = await Promise.all(writers);
    const total = 1 + results.reduce((n, r) => n + r.count, 0);
    const seqs = (await entriesOf(o.id)).map((e) => Number(e.seq));
    expect(seqs).toEqual([...Array(total).keys()]);
    await createCheckpoint(t.db, o.id, testSigner);
    const verdict = await verifyDatabase(t.db, o.id);
    expect(verdict).toMatchObject({ ok: true, entries: total, problem: null });
  });
});
