import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, TEST_PASSWORD, type TestOrg } from '../../testing/factories.ts';
import { login, startTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let org: TestOrg;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.database.db);
  admin = await login(t.app, (await makeUser(org, ['admin'])).email);
});
afterAll(async () => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, session: Session, payload?: unknown) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('user administration', () => {
  it('creates a user who can then sign in, and refuses a duplicate email', async () => {
    const res = await api('POST', '/api/users', admin, { email: 'New.Person@Example.test', name: 'New Person', department: 'Risk', roles: [{ role: 'risk_manager' }], password: 'a-long-password-1' });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ email: 'new.person@example.test', status: 'active', hasPassword: true, version: 1, department: 'Risk' });
    expect(user.roles).toEqual([{ role: 'risk_manager', expiresAt: null, expired: false }]);
    await login(t.app, 'new.person@example.test', 'a-long-password-1');
    const dup = await api('POST', '/api/users', admin, { email: 'new.person@example.test', name: 'Again', roles: [{ role: 'employee' }] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('already_exists');
  });

  it('validates roles: unknown role, duplicate role, external auditor without or with a past expiry', async () => {
    const cases = [
      { roles: [{ role: 'superuser' }] },
      { roles: [{ role: 'employee' }, { role: 'employee' }] },
      { roles: [{ role: 'external_auditor' }] },
      { roles: [{ role: 'external_auditor', expiresAt: '2001-01-01T00:00:00Z' }] },
      { roles: [] },
    ];
    for (const c of cases) {
      const res = await api('POST', '/api/users', admin, { email: `v${Math.random()}@x.test`, name: 'V', ...c });
      expect(res.statusCode, JSON.stringify(c)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const weak = await api('POST', '/api/users', admin, { email: 'weak@x.test', name: 'W', roles: [{ role: 'employee' }], password: 'short' });
    expect(weak.json().error.details.issues[0].path).toBe('password');
    expect((await api('GET', '/api/users?q=weak@x.test', admin)).json().total).toBe(0);
  });

  it('updates with optimistic locking: a stale version gets 409 conflict and changes nothing', async () => {
    const user = await makeUser(org, ['employee']);
    const first = await api('PATCH', `/api/users/${user.id}`, admin, { version: 1, department: 'Ops', roles: [{ role: 'employee' }, { role: 'reviewer' }] });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    expect(first.json().roles.map((r: { role: string }) => r.role)).toEqual(['employee', 'reviewer']);
    const stale = await api('PATCH', `/api/users/${user.id}`, admin, { version: 1, department: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    expect((await api('GET', `/api/users/${user.id}`, admin)).json().department).toBe('Ops');
  });

  it('deactivates (ending sessions and tokens) and reactivates; never deletes', async () => {
    const user = await makeUser(org, ['model_owner']);
    const s = await login(t.app, user.email);
    const token = (await api('POST', '/api/tokens', s, { name: 'ci', scopes: ['*'] })).json().secret as string;
    const off = await api('POST', `/api/users/${user.id}/deactivate`, admin, { version: 1 });
    expect(off.statusCode).toBe(200);
    expect(off.json().status).toBe('deactivated');
    expect((await api('GET', '/api/me', s)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })).json().error.code).toBe('invalid_token');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } })).statusCode).toBe(401);
    const again = await api('POST', `/api/users/${user.id}/deactivate`, admin, { version: 2 });
    expect(again.json().error.code).toBe('invalid_state');
    const on = await api('POST', `/api/users/${user.id}/reactivate`, admin, { version: 2 });
    expect(on.json()).toMatchObject({ status: 'active', version: 3 });
    await login(t.app, user.email);
  });

  it('keeps at least one active administrator and does not let an admin deactivate themselves', async () => {
    const solo = await makeOrganisation(t.database.db);
    const onlyAdmin = await makeUser(solo, ['admin']);
    const s = await login(t.app, onlyAdmin.email);
    const self = await api('POST', `/api/users/${onlyAdmin.id}/deactivate`, s, { version: 1 });
    expect(self.json().error.code).toBe('invalid_state');
    const demote = await api('PATCH', `/api/users/${onlyAdmin.id}`, s, { version: 1, roles: [{ role: 'employee' }] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('invalid_state');
  });

  it('lists with pagination, sorting, search and filters', async () => {
    const o = await makeOrganisation(t.database.db);
    const a = await login(t.app, (await makeUser(o, ['admin'], { email: `zed-admin@${o.slug}.test` })).email);
    for (const n of ['Alice', 'Bob', 'Carol']) await makeUser(o, ['employee'], { email: `${n.toLowerCase()}@${o.slug}.test` });
    await makeUser(o, ['dpo'], { email: `dora@${o.slug}.test` });
    const p1 = (await api('GET', '/api/users?limit=2&offset=0&sort=email', a)).json();
    expect(p1.total).toBe(5);
    expect(p1.items.map((u: { email: string }) => u.email.split('@')[0])).toEqual(['alice', 'bob']);
    const p3 = (await api('GET', '/api/users?limit=2&offset=4&sort=email', a)).json();
    expect(p3.items.map((u: { email: string }) => u.email.split('@')[0])).toEqual(['zed-admin']);
    const desc = (await api('GET', '/api/users?sort=-email&limit=1', a)).json();
    expect(desc.items[0].email.startsWith('zed-admin')).toBe(true);
    expect((await api('GET', '/api/users?role=dpo', a)).json().items.map((u: { email: string }) => u.email.split('@')[0])).toEqual(['dora']);
    expect((await api('GET', '/api/users?q=CAR', a)).json().total).toBe(1);
    expect((await api('GET', '/api/users?q=%25', a)).json().total).toBe(0);
    const bad = await api('GET', '/api/users?limit=0&sort=password', a);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await api('GET', '/api/users?unknown=1', a)).statusCode).toBe(400);
  });

  it('sets a password or generates a temporary one shown once', async () => {
    const invited = await makeUser(org, ['employee'], { password: null });
    const res = await api('POST', `/api/users/${invited.id}/password`, admin, {});
    const temporary = res.json().temporaryPassword as string;
    expect(temporary).toHaveLength(20);
    await login(t.app, invited.email, temporary);
    expect((await api('POST', `/api/users/${invited.id}/password`, admin, { password: 'chosen-password-2' })).json().temporaryPassword).toBeNull();
    await login(t.app, invited.email, 'chosen-password-2');
  });
});

describe('tenancy', () => {
  it('answers 404 for people of another organisation and never lists them', async () => {
    const other = await makeOrganisation(t.database.db, 'Other');
    const stranger = await makeUser(other, ['employee']);
    for (const res of [
      await api('GET', `/api/users/${stranger.id}`, admin),
      await api('PATCH', `/api/users/${stranger.id}`, admin, { version: 1, department: 'Hijacked' }),
      await api('POST', `/api/users/${stranger.id}/deactivate`, admin, { version: 1 }),
      await api('POST', `/api/users/${stranger.id}/password`, admin, { password: 'taken-over-password' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await api('GET', `/api/users?q=${encodeURIComponent(stranger.email)}`, admin)).json().total).toBe(0);
    await login(t.app, stranger.email);
  });

  it('lets a person belong to two organisations, but only they change their global password', async () => {
    const other = await makeOrganisation(t.database.db, 'Other');
    const shared = await makeUser(other, ['employee']);
    const joined = await api('POST', '/api/users', admin, { email: shared.email, name: 'Ignored Name', roles: [{ role: 'reviewer' }] });
    expect(joined.statusCode).toBe(201);
    expect(joined.json().name).toBe(shared.name);
    const pw = await api('POST', `/api/users/${shared.id}/password`, admin, { password: 'taken-over-password' });
    expect(pw.json().error.code).toBe('invalid_state');
    const inOrg = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: shared.email, password: TEST_PASSWORD, organisation: org.slug } });
    expect(inOrg.json().organisation.slug).toBe(org.slug);
    expect(inOrg.json().organisations).toHaveLength(2);
  });
});

describe('CSV import', () => {
  it('reports every bad row in a dry run, then commits all or nothing', async () => {
    const o = await makeOrganisation(t.database.db);
    const a = await login(t.app, (await makeUser(o, ['admin'], { email: `boss@${o.slug}.test` })).email);
    const bad = ['email,name,department,roles', 'ok@x.test,Ok,Ops,employee', 'not-an-email,Bad,Ops,employee', 'ok@x.test,Dup,Ops,employee', `boss@${o.slug}.test,Boss,IT,admin`, 'r@x.test,Role,Ops,wizard', 'e@x.test,Ext,Audit,external_auditor'].join('\n');
    const dry = await api('POST', '/api/users/import', a, { csv: bad, dryRun: true });
    expect(dry.statusCode).toBe(422);
    expect(dry.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:email', '4:email', '5:email', '6:roles', '7:roles']);
    const commit = await api('POST', '/api/users/import', a, { csv: bad, dryRun: false });
    expect(commit.json().created).toBe(0);
    expect((await api('GET', '/api/users', a)).json().total).toBe(1);

    const rows = ['email,name,department,roles,expires_at'];
    for (let i = 0; i < 1200; i++) rows.push(`employee${i}@${o.slug}.test,Employee ${i},Dept ${i % 12},employee${i % 100 === 0 ? ';reviewer' : ''},`);
    rows.push(`auditor@${o.slug}.test,Auditor,External,external_auditor,2099-01-01`);
    const csv = rows.join('\n');
    const check = (await api('POST', '/api/users/import', a, { csv, dryRun: true })).json();
    expect(check).toMatchObject({ dryRun: true, rows: 1201, valid: 1201, created: 0, errors: [] });
    const done = (await api('POST', '/api/users/import', a, { csv, dryRun: false })).json();
    expect(done).toMatchObject({ dryRun: false, created: 1201, errors: [] });
    expect((await api('GET', '/api/users?limit=1', a)).json().total).toBe(1202);
    expect((await api('GET', '/api/users?role=reviewer', a)).json().total).toBe(12);
    const auditor = (await api('GET', `/api/users?role=external_auditor`, a)).json().items[0];
    expect(auditor.roles[0].expiresAt).toBe('2099-01-01T00:00:00.000Z');
    const unparseable = await api('POST', '/api/users/import', a, { csv: 'email,name\n"unterminated', dryRun: true });
    expect(unparseable.statusCode).toBe(422);
    expect(unparseable.json().errors[0].field).toBe('csv');
  });
});
