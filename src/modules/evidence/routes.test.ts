import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, type TestOrg } from '../../testing/factories.ts';
import { login, startTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let org: TestOrg;
let officer: Session;
let owner: Session;
let auditor: Session;
let resultIds: string[];

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);

beforeAll(async () => {
  t = await startTestApp({ evidenceMaxBytes: 64 * 1024 });
  org = await makeOrganisation(t.database.db);
  officer = await login(t.app, (await makeUser(org, ['compliance_officer'])).email);
  owner = await login(t.app, (await makeUser(org, ['model_owner'])).email);
  auditor = await login(t.app, (await makeUser(org, ['external_auditor'])).email);
  const a = await t.app.inject({ method: 'POST', url: '/api/assessments', headers: officer.headers, payload: { name: 'With evidence' } });
  resultIds = (a.json().results as Array<{ id: string }>).map((r) => r.id);
});
afterAll(async () => t.close());

const create = (s: Session, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/evidence', headers: s.headers, payload });
const upload = (s: Session, id: string, name: string, body: Buffer) =>
  t.app.inject({ method: 'PUT', url: `/api/evidence/${id}/file`, headers: { ...s.headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, payload: body });

describe('evidence', () => {
  it('stores file versions with their SHA-256, serves several requirements, and checks the digest on download', async () => {
    const created = await create(owner, { title: 'Model validation report Q3', kind: 'file', resultIds: resultIds.slice(0, 2), expiresOn: '2099-01-01' });
    expect(created.statusCode).toBe(201);
    const ev = created.json();
    expect(ev).toMatchObject({ reviewStatus: 'draft', expiry: 'valid', currentFile: null, linkedResults: resultIds.slice(0, 2).sort() });
    const up = await upload(owner, ev.id, 'validation report.pdf', PDF);
    expect(up.statusCode).toBe(200);
    expect(up.json().currentFile).toMatchObject({ fileVersion: 1, contentType: 'application/pdf', size: PDF.length, fileName: 'validation report.pdf' });
    const sha = up.json().currentFile.sha256;
    const down = await t.app.inject({ method: 'GET', url: `/api/evidence/${ev.id}/file`, headers: auditor.headers });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(down.headers['x-content-sha256']).toBe(sha);
    expect(down.headers['content-disposition']).toContain('validation%20report.pdf');

    const v2 = await upload(owner, ev.id, 'validation report v2.pdf', Buffer.concat([PDF, Buffer.from('% revised\n')]));
    expect(v2.json().files).toHaveLength(2);
    expect((await t.app.inject({ method: 'GET', url: `/api/evidence/${ev.id}/file?version=1`, headers: auditor.headers })).rawPayload.equals(PDF)).toBe(true);

    // Someone edits the stored file outside aims: the download refuses instead of serving it.
    const stored = path.join(t.app.config.dataDir, 'evidence', org.id, sha.slice(0, 2), sha);
    fs.writeFileSync(stored, Buffer.from('%PDF-1.7 forged'));
    const tampered = await t.app.inject({ method: 'GET', url: `/api/evidence/${ev.id}/file?version=1`, headers: auditor.headers });
    expect(tampered.statusCode).toBe(409);
    expect(tampered.json().error.code).toBe('integrity_failed');
    const filtered = (await t.app.inject({ method: 'GET', url: `/api/evidence?resultId=${resultIds[1]}`, headers: auditor.headers })).json();
    expect(filtered.items.map((e: { id: string }) => e.id)).toEqual([ev.id]);
  });

  it('refuses files by content, size and type with stable codes, and changes nothing', async () => {
    const ev = (await create(owner, { title: 'Screenshot', kind: 'file' })).json();
    const fake = await upload(owner, ev.id, 'report.pdf', Buffer.from('<html>not a pdf</html>'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('unsupported_media_type');
    expect((await upload(owner, ev.id, 'tool.exe', Buffer.from('MZ...'))).statusCode).toBe(415);
    const big = await upload(owner, ev.id, 'big.txt', Buffer.alloc(65 * 1024, 0x61));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const noName = await t.app.inject({ method: 'PUT', url: `/api/evidence/${ev.id}/file`, headers: { ...owner.headers, 'content-type': 'application/octet-stream' }, payload: PDF });
    expect(noName.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/evidence/${ev.id}`, headers: owner.headers })).json()).toMatchObject({ files: [], version: 1 });
    expect((await create(owner, { title: 'x', kind: 'link' })).statusCode).toBe(400);
    expect((await create(owner, { title: 'x', kind: 'file', resultIds: ['nope'] })).statusCode).toBe(400);
  });

  it('tracks review status (approval only by a compliance officer), expiry states, links, and the audit trail', async () => {
    const link = (await create(owner, { title: 'Model card on the wiki', kind: 'link', url: 'https://wiki.northwind.example/models/credit', expiresOn: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) })).json();
    expect(link.expiry).toBe('expiring_soon');
    const selfApprove = await t.app.inject({ method: 'PATCH', url: `/api/evidence/${link.id}`, headers: owner.headers, payload: { version: 1, reviewStatus: 'approved' } });
    expect(selfApprove.statusCode).toBe(403);
    const review = await t.app.inject({ method: 'PATCH', url: `/api/evidence/${link.id}`, headers: owner.headers, payload: { version: 1, reviewStatus: 'in_review' } });
    expect(review.json()).toMatchObject({ reviewStatus: 'in_review', version: 2 });
    const approve = await t.app.inject({ method: 'PATCH', url: `/api/evidence/${link.id}`, headers: officer.headers, payload: { version: 2, reviewStatus: 'approved' } });
    expect(approve.json().reviewStatus).toBe('approved');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/evidence/${link.id}`, headers: officer.headers, payload: { version: 2, title: 'stale' } })).statusCode).toBe(409);
    const expired = (await create(owner, { title: 'Old DPIA', kind: 'link', url: 'https://x.example/dpia', expiresOn: '2020-01-01' })).json();
    expect(expired.expiry).toBe('expired');
    expect((await t.app.inject({ method: 'GET', url: '/api/evidence?expiry=expired', headers: auditor.headers })).json().items.map((e: { id: string }) => e.id)).toEqual([expired.id]);
    const linked = await t.app.inject({ method: 'PUT', url: `/api/evidence/${link.id}/links/${resultIds[5]}`, headers: owner.headers });
    expect(linked.json().linkedResults).toEqual([resultIds[5]]);
    const unlinked = await t.app.inject({ method: 'DELETE', url: `/api/evidence/${link.id}/links/${resultIds[5]}`, headers: owner.headers });
    expect(unlinked.json().linkedResults).toEqual([]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/evidence/${link.id}/links/${resultIds[5]}`, headers: owner.headers })).statusCode).toBe(404);
    const trail = (await t.app.inject({ method: 'GET', url: `/api/ledger/entries?resourceType=evidence&resourceId=${link.id}`, headers: auditor.headers })).json();
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['evidence.link.removed', 'evidence.link.added', 'evidence.evidence.updated', 'evidence.evidence.updated', 'evidence.evidence.created']);
    const other = await makeOrganisation(t.database.db);
    const stranger = await login(t.app, (await makeUser(other, ['compliance_officer'])).email);
    expect((await t.app.inject({ method: 'GET', url: `/api/evidence/${link.id}`, headers: stranger.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: `/api/evidence/${link.id}/links/${resultIds[0]}`, headers: stranger.headers })).statusCode).toBe(404);
  });
});
