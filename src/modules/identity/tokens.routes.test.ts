import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, type TestOrg } from '../../testing/factories.ts';
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

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('API tokens', () => {
  it('creates a token shown once, stored hashed, usable as Bearer without CSRF', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'credit model CI', scopes: ['*'], expiresInDays: 30 } });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^aims_[A-Za-z0-9_-]{40,}$/);
    expect(token).toMatchObject({ name: 'credit model CI', status: 'active', scopes: ['*'], prefix: secret.slice(0, 11) });
    const stored = await t.database.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) });
    expect(me.json()).toMatchObject({ authMethod: 'token', csrfToken: null });
    const write = await t.app.inject({ method: 'POST', url: '/api/users', headers: bearer(secret), payload: { email: 'by-token@x.test', name: 'T', roles: [{ role: 'employee' }] } });
    expect(write.statusCode).toBe(201);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: admin.headers })).json();
    expect(listed.items[0]).not.toHaveProperty('secret');
    expect(listed.items[0].lastUsedAt).not.toBeNull();
  });

  it('narrows rights by scope and never widens them', async () => {
    const readOnly = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'ro', scopes: ['read'] } })).json().secret;
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer(readOnly) })).statusCode).toBe(200);
    const denied = await t.app.inject({ method: 'POST', url: '/api/users', headers: bearer(readOnly), payload: { email: 'ro@x.test', name: 'R', roles: [{ role: 'employee' }] } });
    expect(denied.statusCode).toBe(403);

    const employee = await login(t.app, (await makeUser(org, ['employee'])).email);
    const wide = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: employee.headers, payload: { name: 'wide', scopes: ['identity.users.manage'] } })).json().secret;
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: bearer(wide), payload: { email: 'w@x.test', name: 'W', roles: [{ role: 'admin' }] } })).statusCode).toBe(403);

    const unknown = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'x', scopes: ['everything'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('validation_failed');
  });

  it('rejects revoked, expired, malformed and unknown tokens with invalid_token', async () => {
    const { token, secret } = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'short', scopes: ['*'] } })).json();
    const revoked = await t.app.inject({ method: 'POST', url: `/api/tokens/${token.id}/revoke`, headers: admin.headers });
    expect(revoked.json().status).toBe('revoked');
    expect((await t.app.inject({ method: 'POST', url: `/api/tokens/${token.id}/revoke`, headers: admin.headers })).json().error.code).toBe('invalid_state');
    const second = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'old', scopes: ['*'] } })).json();
    await t.database.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', second.token.id).execute();
    for (const headers of [bearer(secret), bearer(second.secret), bearer('aims_unknown'), { authorization: 'Basic abc' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_token');
    }
    const expired = (await t.app.inject({ method: 'GET', url: '/api/tokens?status=expired', headers: admin.headers })).json();
    expect(expired.items.map((x: { id: string }) => x.id)).toEqual([second.token.id]);
  });

  it('does not let a token mint tokens, nor anyone see or revoke another person\'s tokens', async () => {
    const secret = (await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'mint', scopes: ['*'] } })).json().secret;
    const minted = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(secret), payload: { name: 'child', scopes: ['*'] } });
    expect(minted.statusCode).toBe(403);
    const other = await login(t.app, (await makeUser(org, ['admin'])).email);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: admin.headers })).json().items[0];
    expect((await t.app.inject({ method: 'POST', url: `/api/tokens/${mine.id}/revoke`, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens', headers: other.headers })).json().total).toBe(0);
  });
});
