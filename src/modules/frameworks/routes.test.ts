import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, type TestOrg } from '../../testing/factories.ts';
import { login, startTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let org: TestOrg;
let officer: Session;
let auditor: Session;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.database.db);
  officer = await login(t.app, (await makeUser(org, ['compliance_officer'])).email);
  auditor = await login(t.app, (await makeUser(org, ['external_auditor'])).email);
});
afterAll(async () => t.close());

const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });

const CUSTOM = `
id: northwind-model-risk
name: Northwind model risk standard
shortName: NW-MRS
version: "2026.1"
kind: custom
publisher: Northwind Lending
items:
  - id: "MRS-1"
    type: requirement
    title: Independent validation
    assessable: true
    summary: Every credit model is validated by a team that did not build it.
    guidance: Keep the validation report with the model version before approval.
    evidence: [Validation report]
    questions: [Who validated the current version?]
`;

describe('framework catalogue API', () => {
  it('lists the shipped frameworks with their counts', async () => {
    const list = (await get('/api/frameworks', auditor)).json().items as Array<{ id: string; itemCount: number; assessableCount: number; custom: boolean }>;
    expect(list.map((f) => f.id).sort()).toEqual(['eu-ai-act', 'gdpr', 'iso42001', 'nist-ai-rmf']);
    const iso = list.find((f) => f.id === 'iso42001')!;
    expect(iso).toMatchObject({ custom: false, itemCount: 100, assessableCount: 70 });
  });

  it('returns a framework in display order and an item with its ancestors, children and crosswalks', async () => {
    const iso = (await get('/api/frameworks/iso42001', auditor)).json();
    const controls = iso.items.filter((i: { type: string }) => i.type === 'control');
    expect(controls).toHaveLength(38);
    expect(controls[0].id).toBe('A.2.2');
    expect(controls.at(-1).id).toBe('A.10.4');
    const item = (await get(`/api/frameworks/iso42001/items/${encodeURIComponent('6.1.4')}`, auditor)).json();
    expect(item.ancestors.map((a: { id: string }) => a.id)).toEqual(['6', '6.1']);
    expect(item.item.mandatoryDocumentedInformation).toBeTruthy();
    expect(item.mappings.some((m: { frameworkId: string; direction: string }) => m.frameworkId === 'eu-ai-act' && m.direction === 'outgoing')).toBe(true);
    const article = (await get(`/api/frameworks/eu-ai-act/items/27`, auditor)).json();
    expect(article.mappings.every((m: { direction: string }) => m.direction === 'incoming')).toBe(true);
    expect(article.children.map((c: { id: string }) => c.id)).toContain('27(1)(a)');
    const nist = (await get(`/api/frameworks/nist-ai-rmf/items/${encodeURIComponent('GOVERN 1.1')}`, auditor)).json();
    expect(nist.ancestors.map((a: { id: string }) => a.id)).toEqual(['GOVERN', 'GOVERN 1']);
    expect((await get('/api/frameworks/iso42001/items/A.99', auditor)).statusCode).toBe(404);
    expect((await get('/api/frameworks/nope', auditor)).statusCode).toBe(404);
  });

  it('searches identifiers, titles and texts, identifier hits first, with paging and filters', async () => {
    const byId = (await get('/api/frameworks/search?q=A.6.2', auditor)).json();
    expect(byId.items[0].item.id.startsWith('A.6.2')).toBe(true);
    const words = (await get('/api/frameworks/search?q=impact%20assessment&framework=iso42001&type=control', auditor)).json();
    expect(words.total).toBeGreaterThan(0);
    expect(words.items.every((h: { frameworkId: string; item: { type: string } }) => h.frameworkId === 'iso42001' && h.item.type === 'control')).toBe(true);
    const paged = (await get('/api/frameworks/search?q=data&limit=5&offset=5', auditor)).json();
    expect(paged.items).toHaveLength(5);
    expect(paged.total).toBeGreaterThan(10);
    expect((await get('/api/frameworks/search?q=a', auditor)).statusCode).toBe(400);
  });

  it('imports a custom framework after a dry run, records it, and refuses bad or duplicate files', async () => {
    const dry = await t.app.inject({ method: 'POST', url: '/api/frameworks/import', headers: officer.headers, payload: { source: CUSTOM, dryRun: true } });
    expect(dry.json()).toMatchObject({ dryRun: true, framework: { id: 'northwind-model-risk', itemCount: 1, custom: true } });
    expect((await get('/api/frameworks', officer)).json().items).toHaveLength(4);
    const real = await t.app.inject({ method: 'POST', url: '/api/frameworks/import', headers: officer.headers, payload: { source: CUSTOM, dryRun: false } });
    expect(real.statusCode).toBe(201);
    expect((await get('/api/frameworks', auditor)).json().items).toHaveLength(5);
    expect((await get('/api/frameworks/search?q=independent%20validation&limit=200', auditor)).json().items.map((h: { frameworkId: string }) => h.frameworkId)).toContain('northwind-model-risk');
    const again = await t.app.inject({ method: 'POST', url: '/api/frameworks/import', headers: officer.headers, payload: { source: CUSTOM, dryRun: false } });
    expect(again.statusCode).toBe(400);
    const bad = await t.app.inject({ method: 'POST', url: '/api/frameworks/import', headers: officer.headers, payload: { source: CUSTOM.replace('kind: custom', 'kind: standard').replace('parent', 'x'), dryRun: true } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(bad.json().error.details)).toContain('kind');
    const trail = (await get('/api/ledger/entries?action=frameworks.custom.imported', auditor)).json();
    expect(trail.total).toBe(1);
    const other = await makeOrganisation(t.database.db);
    const stranger = await login(t.app, (await makeUser(other, ['compliance_officer'])).email);
    expect((await get('/api/frameworks', stranger)).json().items).toHaveLength(4);
  });

  it('hides the catalogue from employees', async () => {
    const employee = await login(t.app, (await makeUser(org, ['employee'])).email);
    expect((await get('/api/frameworks', employee)).statusCode).toBe(403);
  });
});
