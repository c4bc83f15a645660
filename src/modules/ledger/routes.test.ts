import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, type TestOrg } from '../../testing/factories.ts';
import { login, startTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { parseCheckpoint, verifyCheckpoint } from './checkpoint.ts';
import { verifyConsistency, verifyInclusion } from './merkle.ts';

let t: TestApp;
let org: TestOrg;
let admin: Session;
let auditor: Session;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.database.db);
  admin = await login(t.app, (await makeUser(org, ['admin'])).email);
  auditor = await login(t.app, (await makeUser(org, ['external_auditor'])).email);
});
afterAll(async () => t.close());

const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
const hex = (h: string) => Buffer.from(h, 'hex');

describe('audit trail API', () => {
  it('records every governance change made through the API, with who and which request', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: { ...admin.headers, 'x-request-id': 'req-create-0001' }, payload: { email: 'traced@x.test', name: 'Traced', roles: [{ role: 'dpo' }] } });
    const user = created.json();
    await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.headers, payload: { version: 1, roles: [{ role: 'dpo' }, { role: 'reviewer' }] } });
    await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/deactivate`, headers: admin.headers, payload: { version: 2 } });
    const token = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'ci', scopes: ['read'] } })).json();
    await t.app.inject({ method: 'POST', url: `/api/tokens/${token.token.id}/revoke`, headers: admin.headers });

    const page = (await get('/api/ledger/entries?limit=5', auditor)).json();
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['identity.token.revoked', 'identity.token.created', 'identity.user.deactivated', 'identity.user.updated', 'identity.user.created']);
    const createdEntry = page.items[4];
    expect(createdEntry.event.request).toBe('req-create-0001');
    expect(createdEntry.event.actor.type).toBe('user');
    expect(createdEntry.actor).toMatch(/^p:/);
    const byActor = (await get(`/api/ledger/entries?actor=${encodeURIComponent(createdEntry.actor)}&sort=seq`, auditor)).json();
    expect(byActor.total).toBeGreaterThanOrEqual(5);
    const byResource = (await get(`/api/ledger/entries?resourceType=user&resourceId=${encodeURIComponent(createdEntry.resourceId)}`, auditor)).json();
    expect(byResource.items.map((e: { action: string }) => e.action)).toEqual(['identity.user.deactivated', 'identity.user.updated', 'identity.user.created']);
    expect((await get(`/api/ledger/entries?action=identity.token.created`, auditor)).json().total).toBe(1);
    const future = encodeURIComponent(new Date(Date.now() + 3600_000).toISOString());
    expect((await get(`/api/ledger/entries?from=${future}`, auditor)).json().total).toBe(0);
    expect((await get('/api/ledger/entries?from=yesterday', auditor)).statusCode).toBe(400);
  });

  it('serves proofs that verify against the signed checkpoint and the published keys', async () => {
    const cp1 = await t.app.inject({ method: 'POST', url: '/api/ledger/checkpoints', headers: admin.headers });
    expect(cp1.statusCode).toBe(201);
    const keys = (await get('/api/ledger/keys', auditor)).json();
    expect(verifyCheckpoint(cp1.json().note, keys.verifierKeys).ok).toBe(true);
    expect(parseCheckpoint(cp1.json().note).origin).toBe(keys.origin);
    const size1 = cp1.json().treeSize;

    const proof = (await get('/api/ledger/proofs/inclusion?seq=2', auditor)).json();
    expect(proof.treeSize).toBe(size1);
    expect(proof.checkpoint).toBe(cp1.json().note);
    expect(verifyInclusion(2, size1, hex(proof.leafHash), proof.proof.map(hex), parseCheckpoint(proof.checkpoint).rootHash)).toBe(true);

    await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'later@x.test', name: 'Later', roles: [{ role: 'employee' }] } });
    const cp2 = (await t.app.inject({ method: 'POST', url: '/api/ledger/checkpoints', headers: admin.headers })).json();
    const consistency = (await get(`/api/ledger/proofs/consistency?size1=${size1}&size2=${cp2.treeSize}`, auditor)).json();
    expect(verifyConsistency(size1, cp2.treeSize, consistency.proof.map(hex), hex(cp1.json().rootHash), hex(cp2.rootHash))).toBe(true);
    expect((await get('/api/ledger/checkpoints/latest', auditor)).json().treeSize).toBe(cp2.treeSize);

    expect((await get(`/api/ledger/proofs/inclusion?seq=0&treeSize=${cp2.treeSize + 5}`, auditor)).statusCode).toBe(400);
    expect((await get('/api/ledger/proofs/consistency?size1=5&size2=2', auditor)).statusCode).toBe(400);
    expect((await get('/api/ledger/entries/999999', auditor)).statusCode).toBe(404);
  });

  it('exports JSON Lines and verifies the whole log on demand', async () => {
    const res = await get('/api/ledger/export', auditor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'aims-ledger-export', organisation: { id: org.id, slug: org.slug } });
    expect(lines.filter((l) => l.type === 'checkpoint')).toHaveLength(2);
    expect(res.body).not.toContain('traced@x.test');
    const verdict = (await get('/api/ledger/verification', auditor)).json();
    expect(verdict).toMatchObject({ ok: true, problem: null, checkpointsVerified: 2 });
  });

  it('keeps each organisation to its own log', async () => {
    const other = await makeOrganisation(t.database.db);
    const s = await login(t.app, (await makeUser(other, ['admin'])).email);
    const page = (await get('/api/ledger/entries', s)).json();
    expect(page.items.every((e: { event: { org: string } }) => e.event.org === other.id)).toBe(true);
    expect((await get('/api/ledger/checkpoints/latest', s)).statusCode).toBe(404);
  });
});
