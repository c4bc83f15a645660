import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, type TestOrg } from '../../testing/factories.ts';
import { login, startTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let org: TestOrg;
let officer: Session;
let auditor: Session;
let officerId: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.database.db);
  const o = await makeUser(org, ['compliance_officer']);
  officerId = o.id;
  officer = await login(t.app, o.email);
  auditor = await login(t.app, (await makeUser(org, ['external_auditor'])).email);
});
afterAll(async () => t.close());

interface Result {
  id: string;
  itemId: string;
  version: number;
  result: string | null;
}

async function newAssessment(name = 'AIMS readiness 2026'): Promise<{ id: string; results: Result[] }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/assessments', headers: officer.headers, payload: { name, frameworkId: 'iso42001' } });
  expect(res.statusCode).toBe(201);
  return { id: res.json().assessment.id, results: res.json().results };
}

const patch = (assessmentId: string, r: Result, body: Record<string, unknown>, s: Session = officer) =>
  t.app.inject({ method: 'PATCH', url: `/api/assessments/${assessmentId}/results/${r.id}`, headers: s.headers, payload: { version: r.version, ...body } });

const find = (results: Result[], itemId: string) => results.find((r) => r.itemId === itemId)!;

describe('gap assessment', () => {
  it('creates one row per assessable ISO/IEC 42001 item: 32 subclauses and 38 Annex A controls', async () => {
    const a = await newAssessment();
    expect(a.results).toHaveLength(70);
    expect(a.results.filter((r) => r.itemId.startsWith('A.'))).toHaveLength(38);
    expect(find(a.results, '6.1.4')).toMatchObject({ result: null, version: 1 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/assessments', headers: auditor.headers })).json();
    expect(list.items[0].progress).toMatchObject({ items: 70, assessed: 0 });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/assessments', headers: officer.headers, payload: { name: 'x', frameworkId: 'iso9999' } });
    expect(unknown.statusCode).toBe(400);
  });

  it('records results with owner, due date, maturity and notes; optimistic locking; a ledger entry each', async () => {
    const a = await newAssessment();
    const r = find(a.results, '5.2');
    const ok = await patch(a.id, r, { workflowStatus: 'done', result: 'compliant', maturity: 3, ownerId: officerId, dueDate: '2027-01-31', notes: 'Policy approved by the council in October.' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ itemTitle: 'AI policy', result: 'compliant', maturity: 3, version: 2, mandatoryDocumentedInformation: expect.any(String) });
    const stale = await patch(a.id, r, { result: 'non_compliant' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}`, headers: auditor.headers })).json();
    expect(find(detail.results, '5.2').result).toBe('compliant');
    expect(detail.assessment.progress.byResult.compliant).toBe(1);
    const trail = (await t.app.inject({ method: 'GET', url: '/api/ledger/entries?action=assessments.result.updated', headers: auditor.headers })).json();
    expect(trail.items[0].resourceId).toBe(`${a.id}/5.2`);
    expect(JSON.stringify(trail.items[0])).not.toContain('Policy approved');
  });

  it('refuses not applicable without a justification, bad maturity, unknown owners; changes nothing', async () => {
    const a = await newAssessment();
    const r = find(a.results, 'A.10.4');
    const noWhy = await patch(a.id, r, { result: 'not_applicable' });
    expect(noWhy.statusCode).toBe(400);
    expect(noWhy.json().error.details.issues[0].path).toBe('justification');
    expect((await patch(a.id, r, { maturity: 6 })).statusCode).toBe(400);
    expect((await patch(a.id, r, { ownerId: '00000000-0000-0000-0000-000000000000' })).json().error.details.issues[0].path).toBe('ownerId');
    expect((await patch(a.id, r, { dueDate: '31/01/2027' })).statusCode).toBe(400);
    const after = (await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}`, headers: officer.headers })).json();
    expect(find(after.results, 'A.10.4')).toMatchObject({ result: null, version: 1 });
    const na = await patch(a.id, r, { result: 'not_applicable', justification: 'We have no customers who receive AI systems from us.' });
    expect(na.json()).toMatchObject({ result: 'not_applicable', version: 2 });
    const clear = await patch(a.id, na.json(), { justification: '' });
    expect(clear.statusCode).toBe(400);
  });

  it('derives the EU AI Act and GDPR posture through the crosswalks and shows where each result came from', async () => {
    const a = await newAssessment();
    const results = a.results;
    for (const id of ['6.1.2', '8.2', 'A.5.2', 'A.6.2.8']) expect((await patch(a.id, find(results, id), { result: 'compliant' })).statusCode).toBe(200);
    const posture = (await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}/posture?framework=eu-ai-act`, headers: auditor.headers })).json();
    const art9 = posture.items.find((i: { itemId: string }) => i.itemId === '9');
    expect(art9.contributions.length).toBeGreaterThan(0);
    expect(art9.contributions.some((c: { sourceItem: string }) => c.sourceItem === '6.1.2')).toBe(true);
    // No equal mappings exist in our crosswalks: a compliant ISO item proves at most partial compliance.
    expect(['partially_compliant', 'non_compliant', null]).toContain(art9.result);
    expect(posture.items.every((i: { result: string | null }) => i.result !== 'compliant')).toBe(true);
    await patch(a.id, find((await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}`, headers: officer.headers })).json().results, '8.2'), { result: 'non_compliant' });
    const worse = (await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}/posture?framework=eu-ai-act`, headers: auditor.headers })).json();
    const mapped82 = worse.items.filter((i: { contributions: Array<{ sourceItem: string }> }) => i.contributions.some((c) => c.sourceItem === '8.2'));
    expect(mapped82.length).toBeGreaterThan(0);
    expect(mapped82.every((i: { result: string }) => i.result === 'non_compliant')).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}/posture?framework=nope`, headers: auditor.headers })).statusCode).toBe(404);
  });

  it('reports maturity with target and history from snapshots, and readiness with its blockers', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/assessments', headers: officer.headers, payload: { name: 'Maturity', targetMaturity: 4.5 } });
    const a = { id: res.json().assessment.id as string, results: res.json().results as Result[] };
    await patch(a.id, find(a.results, '4.1'), { result: 'partially_compliant', maturity: 2 });
    await patch(a.id, find(a.results, '5.2'), { result: 'partially_compliant', maturity: 2 });
    await t.app.inject({ method: 'POST', url: `/api/assessments/${a.id}/snapshots`, headers: officer.headers, payload: { label: 'Q1', kind: 'baseline' } });
    const again = (await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}`, headers: officer.headers })).json().results as Result[];
    await patch(a.id, find(again, '5.2'), { result: 'compliant', maturity: 4 });
    const m = (await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}/maturity`, headers: auditor.headers })).json();
    expect(m.target).toBe(4.5);
    expect(m.current.overall).toBe(3);
    expect(m.history.map((h: { label: string; overall: number }) => [h.label, h.overall])).toEqual([['Q1', 2]]);
    expect(m.readiness).toMatchObject({ mandatory: 70, met: 1 });
    expect(m.readiness.share).toBe(1.4);
    expect(m.readiness.blockers[0].reason).toBe('missing_documented_information');
    expect(m.readiness.checks).toEqual([
      { check: 'soa_approved', ok: false, message: 'There is no approved Statement of Applicability.' },
      { check: 'evidence_current', ok: true, message: 'No evidence behind these results has expired.' },
    ]);
    const r41 = find(a.results, '4.1');
    await t.app.inject({ method: 'POST', url: '/api/evidence', headers: officer.headers, payload: { title: 'Context analysis 2024', kind: 'link', url: 'https://wiki.example/context', expiresOn: '2025-01-31', resultIds: [r41.id] } });
    const after = (await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}/maturity`, headers: auditor.headers })).json();
    expect(after.readiness.checks[1]).toEqual({ check: 'evidence_current', ok: false, message: '1 piece(s) of evidence behind these results expired: Context analysis 2024.' });
  });

  it('takes a baseline, compares it with now, and keeps other organisations out', async () => {
    const a = await newAssessment();
    const base = await t.app.inject({ method: 'POST', url: `/api/assessments/${a.id}/snapshots`, headers: officer.headers, payload: { label: 'Baseline Q3', kind: 'baseline' } });
    expect(base.statusCode).toBe(201);
    await patch(a.id, find(a.results, '4.1'), { result: 'compliant', workflowStatus: 'done' });
    await patch(a.id, find(a.results, '4.2'), { result: 'non_compliant' });
    const cmp = (await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}/comparison?from=${base.json().id}`, headers: auditor.headers })).json();
    expect(cmp.summary).toEqual({ improved: 1, worsened: 0, changed: 2 });
    expect(cmp.changes.find((c: { itemId: string }) => c.itemId === '4.1').fields).toEqual([
      { field: 'workflowStatus', from: 'to_do', to: 'done' },
      { field: 'result', from: null, to: 'compliant' },
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}/snapshots`, headers: auditor.headers })).json().items[0]).toMatchObject({ label: 'Baseline Q3', kind: 'baseline', assessed: 0 });
    const other = await makeOrganisation(t.database.db);
    const stranger = await login(t.app, (await makeUser(other, ['compliance_officer'])).email);
    expect((await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}`, headers: stranger.headers })).statusCode).toBe(404);
    expect((await patch(a.id, find(a.results, '4.3'), { result: 'compliant' }, stranger)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/assessments/${a.id}/comparison?from=nope`, headers: auditor.headers })).statusCode).toBe(404);
  });
});
