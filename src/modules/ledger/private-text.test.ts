import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, type TestOrg } from '../../testing/factories.ts';
import { login, startTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { appendEvent } from './append.service.ts';
import { verifyInclusion } from './merkle.ts';
import { parseCheckpoint } from './checkpoint.ts';

let t: TestApp;
let org: TestOrg;
let dpo: Session;
let auditor: Session;
let seq: number;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.database.db);
  dpo = await login(t.app, (await makeUser(org, ['dpo'])).email);
  auditor = await login(t.app, (await makeUser(org, ['external_auditor'])).email);
  seq = (
    await t.database.db.transaction().execute((tx) =>
      appendEvent(tx, org.system, { action: 'test.review.noted', resource: { type: 'review', id: 'r1' }, privateText: { note: 'Applicant Maria Lopez disputed the score' } }),
    )
  ).firstSeq;
});
afterAll(async () => t.close());

describe('private text beside the log', () => {
  it('is readable by the DPO, not by an external auditor, and matches its commitment', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/ledger/entries/${seq}/private`, headers: dpo.headers });
    expect(res.json().items).toEqual([{ field: 'note', text: 'Applicant Maria Lopez disputed the score', erasedAt: null, matchesCommitment: true }]);
    expect((await t.app.inject({ method: 'GET', url: `/api/ledger/entries/${seq}/private`, headers: auditor.headers })).statusCode).toBe(403);
    const entry = (await t.app.inject({ method: 'GET', url: `/api/ledger/entries/${seq}`, headers: auditor.headers })).json();
    expect(JSON.stringify(entry)).not.toContain('Maria');
  });

  it('erases to a tombstone; the entry, its proof and the whole log still verify', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `/api/ledger/entries/${seq}`, headers: dpo.headers })).json();
    const erased = await t.app.inject({ method: 'POST', url: `/api/ledger/entries/${seq}/private/note/erase`, headers: dpo.headers });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ field: 'note', text: null, erasedAt: expect.any(String) });
    expect((await t.app.inject({ method: 'POST', url: `/api/ledger/entries/${seq}/private/note/erase`, headers: dpo.headers })).json().error.code).toBe('invalid_state');
    expect((await t.app.inject({ method: 'POST', url: `/api/ledger/entries/${seq}/private/other/erase`, headers: dpo.headers })).statusCode).toBe(404);
    const after = (await t.app.inject({ method: 'GET', url: `/api/ledger/entries/${seq}`, headers: dpo.headers })).json();
    expect(after.leafHash).toBe(before.leafHash);
    const row = await t.database.db.selectFrom('ledger_private_texts').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ text: null, salt: null });

    const admin = await login(t.app, (await makeUser(org, ['admin'])).email);
    await t.app.inject({ method: 'POST', url: '/api/ledger/checkpoints', headers: admin.headers });
    const proof = (await t.app.inject({ method: 'GET', url: `/api/ledger/proofs/inclusion?seq=${seq}`, headers: auditor.headers })).json();
    expect(verifyInclusion(seq, proof.treeSize, Buffer.from(proof.leafHash, 'hex'), proof.proof.map((h: string) => Buffer.from(h, 'hex')), parseCheckpoint(proof.checkpoint).rootHash)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/ledger/verification', headers: auditor.headers })).json()).toMatchObject({ ok: true });
    const trail = (await t.app.inject({ method: 'GET', url: '/api/ledger/entries?action=ledger.private_text.erased', headers: auditor.headers })).json();
    expect(trail.items[0].resourceId).toBe(String(seq));
  });

  it('detects kept text that was altered in the database', async () => {
    const next = (
      await t.database.db.transaction().execute((tx) => appendEvent(tx, org.system, { action: 'test.review.noted', resource: { type: 'review', id: 'r2' }, privateText: { note: 'original words' } }))
    ).firstSeq;
    await t.database.db.updateTable('ledger_private_texts').set({ text: 'rewritten words' }).where('organisation_id', '=', org.id).where('seq', '=', next).execute();
    const verdict = (await t.app.inject({ method: 'GET', url: '/api/ledger/verification', headers: auditor.headers })).json();
    expect(verdict).toMatchObject({ ok: false, problem: { kind: 'private_text_mismatch', seq: next } });
  });
});
