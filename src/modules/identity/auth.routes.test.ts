import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, TEST_PASSWORD, type TestOrg } from '../../testing/factories.ts';
import { login, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.database.db);
});
afterAll(async () => t.close());

const loginAs = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('password login', () => {
  it('signs in, sets an httpOnly SameSite cookie and returns the CSRF token and permissions', async () => {
    const user = await makeUser(org, ['compliance_officer']);
    const res = await loginAs(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'aims_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeUndefined();
    const me = res.json();
    expect(me.user.email).toBe(user.email);
    expect(me.organisation.slug).toBe(org.slug);
    expect(me.roles).toEqual([{ role: 'compliance_officer', expiresAt: null }]);
    expect(me.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(me.permissions).toContain('identity.users.read');
    expect(me.permissions).not.toContain('identity.users.manage');
  });

  it('marks the cookie Secure behind TLS', async () => {
    const user = await makeUser(org, ['employee']);
    const tls = await startTestApp({ trustProxy: true });
    try {
      const o2 = await makeOrganisation(tls.database.db);
      const u2 = await makeUser(o2, ['employee'], { email: user.email });
      const res = await tls.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { email: u2.email, password: TEST_PASSWORD } });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'aims_session')!.secure).toBe(true);
    } finally {
      await tls.close();
    }
  });

  it('answers the same for an unknown account, a wrong password and a deactivated or password-less account', async () => {
    const user = await makeUser(org, ['employee']);
    const invited = await makeUser(org, ['employee'], { password: null });
    const answers = [
      await loginAs('nobody@nowhere.test', TEST_PASSWORD),
      await loginAs(user.email, 'wrong password!!'),
      await loginAs(invited.email, TEST_PASSWORD),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is wrong.', details: null } });
      expect(res.cookies).toEqual([]);
    }
  });

  it('locks an account after 10 failed attempts without telling, and unlocks it after the lock period', async () => {
    const user = await makeUser(org, ['employee']);
    for (let i = 0; i < 10; i++) expect((await loginAs(user.email, `wrong-${i}-password`)).statusCode).toBe(401);
    const locked = await loginAs(user.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('invalid_credentials');
    await t.database.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', user.id).execute();
    expect((await loginAs(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('rate limits login attempts per client', async () => {
    const limited = await startTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.test', password: 'nope' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.test', password: 'nope' } });
      expect(res.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('rejects malformed JSON, unknown fields, wrong types, wrong media type and oversized bodies with stable codes', async () => {
    const bad = [
      { payload: '{"email": ', headers: { 'content-type': 'application/json' }, status: 400, code: 'malformed_json' },
      { payload: { email: 'a@b.test', password: 'x', admin: true }, status: 400, code: 'validation_failed' },
      { payload: { email: 42, password: 'x' }, status: 400, code: 'validation_failed' },
      { payload: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type' },
      { payload: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' }, status: 413, code: 'payload_too_large' },
    ];
    for (const b of bad) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: b.payload, ...(b.headers ? { headers: b.headers } : {}) });
      expect(res.statusCode, JSON.stringify(b.payload).slice(0, 60)).toBe(b.status);
      expect(res.json().error.code).toBe(b.code);
    }
  });
});

describe('sessions', () => {
  it('requires the CSRF token on cookie-authenticated writes, and not on reads', async () => {
    const admin = await makeUser(org, ['admin']);
    const s = await login(t.app, admin.email);
    const payload = { email: 'csrf-victim@example.test', name: 'Victim', roles: [{ role: 'employee' }] };
    const noToken = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: s.headers.cookie! }, payload });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: s.headers.cookie!, 'x-csrf-token': 'nope' }, payload });
    expect(wrongToken.json().error.code).toBe('csrf_failed');
    const list = await t.app.inject({ method: 'GET', url: '/api/users?q=csrf-victim', headers: { cookie: s.headers.cookie! } });
    expect(list.json().total).toBe(0);
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: s.headers, payload })).statusCode).toBe(201);
  });

  it('logs out: the cookie stops working', async () => {
    const user = await makeUser(org, ['employee']);
    const s = await login(t.app, user.email);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: s.headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('session_expired');
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const user = await makeUser(org, ['employee']);
    const idle = await login(t.app, user.email);
    const old = new Date(Date.now() - 9 * 3600_000).toISOString();
    await t.database.db.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', user.id).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: idle.headers })).json().error.code).toBe('session_expired');

    const absolute = await login(t.app, user.email);
    await t.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: absolute.headers })).statusCode).toBe(401);
  });

  it('drops an external auditor role once its engagement has ended', async () => {
    const auditor = await makeUser(org, ['external_auditor', 'employee'], { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    const s = await login(t.app, auditor.email);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: s.headers })).statusCode).toBe(200);
    await t.database.db.updateTable('membership_roles').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('role', '=', 'external_auditor').execute();
    const res = await t.app.inject({ method: 'GET', url: '/api/users', headers: s.headers });
    expect(res.statusCode).toBe(403);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).json();
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['employee']);
  });
});

describe('platform', () => {
  it('reports health, request ids and security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: expect.any(String), database: expect.stringMatching(/sqlite|postgres/) });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const generated = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with route_not_found', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });
});
