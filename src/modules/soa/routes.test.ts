import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, type TestOrg } from '../../testing/factories.ts';
import { login, startTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let org: TestOrg;
let officer: Session;
let councilA: Session;
let councilB: Session;
let officerAndCouncil: Session;
let auditor: Session;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.database.db);
  officer = await login(t.app, (await makeUser(org, ['compliance_officer'])).email);
  councilA = await login(t.app, (await makeUser(org, ['council_member'])).email);
  councilB = await login(t.app, (await makeUser(org, ['council_member'])).email);
  officerAndCouncil = await login(t.app, (await makeUser(org, ['compliance_officer', 'council_member'])).email);
  auditor = await login(t.app, (await makeUser(org, ['external_auditor'])).email);
});
afterAll(async () => t.close());

interface Entry {
  id: string;
  controlId: string;
  version: number;
  applicable: boolean;
  justification: string | null;
}

const post = (url: string, s: Session, payload?: object) => t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
const patchEntry = (soaId: string, e: Entry, body: object, s = officer) => t.app.inject({ method: 'PATCH', url: `/api/soa/${soaId}/entries/${e.id}`, headers: s.headers, payload: { version: e.version, ...body } });

async function justifyAll(soaId: string, entries: Entry[], s = officer): Promise<{ soa: { version: number }; entries: Entry[] }> {
  let last: { soa: { version: number }; entries: Entry[] } | undefined;
  for (const e of entries) {
    const body = e.controlId === 'A.10.4'
      ? { applicable: false, justification: 'Northwind supplies no AI systems to customers.' }
      : { justification: `Needed to treat the AI risks of the credit and fraud models (${e.controlId}).`, implementationStatus: 'implemented' };
    const res = await patchEntry(soaId, e, body, s);
    expect(res.statusCode).toBe(200);
    last = res.json();
  }
  return last!;
}

describe('Statement of Applicability', () => {
  it('drafts the 38 Annex A controls, refuses submission without justifications, and is approved only by another council member', async () => {
    const draft = await post('/api/soa', officer);
    expect(draft.statusCode).toBe(201);
    const { soa, entries } = draft.json() as { soa: { id: string; version: number; counts: { controls: number } }; entries: Entry[] };
    expect(soa.counts.controls).toBe(38);
    expect(entries[0]!.controlId).toBe('A.2.2');
    expect((await post('/api/soa', officer)).json().error.code).toBe('invalid_state');

    const early = await post(`/api/soa/${soa.id}/submit`, officer, { version: soa.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.missingJustification).toHaveLength(38);

    const filled = await justifyAll(soa.id, entries);
    expect((await post(`/api/soa/${soa.id}/entries`, officer, { controlId: 'NW-1', title: 'Model risk committee sign-off', justification: 'Required by our model risk policy.' })).statusCode).toBe(200);
    const submitted = await post(`/api/soa/${soa.id}/submit`, officer, { version: filled.soa.version });
    expect(submitted.json().soa.status).toBe('submitted');
    const frozenEdit = await patchEntry(soa.id, submitted.json().entries[0], { justification: 'late change' });
    expect(frozenEdit.json().error.code).toBe('invalid_state');

    expect((await post(`/api/soa/${soa.id}/approve`, officer, { version: submitted.json().soa.version })).statusCode).toBe(403);
    const approved = await post(`/api/soa/${soa.id}/approve`, councilA, { version: submitted.json().soa.version, note: 'Approved at the December council.' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().soa).toMatchObject({ status: 'approved', decisionNote: 'Approved at the December council.', counts: { controls: 39, excluded: 1 } });
    expect((await patchEntry(soa.id, approved.json().entries[1], { justification: 'after approval' })).json().error.code).toBe('invalid_state');
  });

  it('refuses approval by the author, even a council member, and supersedes the previous approved version; shows differences', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/soa', headers: auditor.headers })).json().items;
    const v1 = list[0];
    const draft = (await post('/api/soa', officerAndCouncil)).json();
    expect(draft.soa.number).toBe(2);
    expect(draft.entries).toHaveLength(39);
    const a64 = draft.entries.find((e: Entry) => e.controlId === 'A.6.2.4');
    const changed = await patchEntry(draft.soa.id, a64, { implementationStatus: 'partially_implemented', riskRefs: ['R-12 model drift'] }, officerAndCouncil);
    const submitted = (await post(`/api/soa/${draft.soa.id}/submit`, officerAndCouncil, { version: changed.json().soa.version })).json();
    const self = await post(`/api/soa/${draft.soa.id}/approve`, officerAndCouncil, { version: submitted.soa.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('another council member');
    const back = await post(`/api/soa/${draft.soa.id}/send-back`, councilB, { version: submitted.soa.version });
    expect(back.statusCode).toBe(400);
    const sentBack = (await post(`/api/soa/${draft.soa.id}/send-back`, councilB, { version: submitted.soa.version, note: 'Add the drift risk to A.6.2.6 too.' })).json();
    expect(sentBack.soa).toMatchObject({ status: 'draft', decisionNote: 'Add the drift risk to A.6.2.6 too.' });
    const resubmitted = (await post(`/api/soa/${draft.soa.id}/submit`, officerAndCouncil, { version: sentBack.soa.version })).json();
    const approved = (await post(`/api/soa/${draft.soa.id}/approve`, councilB, { version: resubmitted.soa.version })).json();
    expect(approved.soa.status).toBe('approved');
    const versions = (await t.app.inject({ method: 'GET', url: '/api/soa', headers: auditor.headers })).json().items;
    expect(versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([[2, 'approved'], [1, 'superseded']]);
    const d = (await t.app.inject({ method: 'GET', url: `/api/soa/${draft.soa.id}/diff?against=${v1.id}`, headers: auditor.headers })).json();
    expect(d).toMatchObject({ from: { number: 1 }, to: { number: 2 }, added: [], removed: [] });
    expect(d.changed).toEqual([{ controlId: 'A.6.2.4', fields: [{ field: 'implementationStatus', from: 'implemented', to: 'partially_implemented' }, { field: 'riskRefs', from: [], to: ['R-12 model drift'] }] }]);
    const trail = (await t.app.inject({ method: 'GET', url: '/api/ledger/entries?action=soa.version.approved', headers: auditor.headers })).json();
    expect(trail.total).toBe(2);
  });

  it('keeps other organisations and read-only roles out', async () => {
    const latest = (await t.app.inject({ method: 'GET', url: '/api/soa', headers: auditor.headers })).json().items[0];
    expect((await post('/api/soa', auditor)).statusCode).toBe(403);
    expect((await post(`/api/soa/${latest.id}/approve`, officer, { version: 1 })).statusCode).toBe(403);
    const other = await makeOrganisation(t.database.db);
    const stranger = await login(t.app, (await makeUser(other, ['council_member'])).email);
    expect((await t.app.inject({ method: 'GET', url: `/api/soa/${latest.id}`, headers: stranger.headers })).statusCode).toBe(404);
    expect((await post(`/api/soa/${latest.id}/approve`, stranger, { version: latest.version })).statusCode).toBe(404);
  });
});
