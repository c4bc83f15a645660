import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server.ts';
import { makeOrganisation, makeUser } from '../../testing/factories.ts';
import { login, startTestApp, testSigner, type TestApp } from '../../testing/test-app.ts';
import { loadConfig } from '../config.ts';

/**
 * Two aims servers on one database: whatever one writes (sessions, optimistic versions) the
 * other honours, because no state lives in a server's memory.
 */
let a: TestApp;
let b: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  a = await startTestApp();
  b = await createServer({ ...loadConfig({}, {}), loginRateLimitPerMinute: 1000 }, a.database, { logger: false, webDir: '/nonexistent', signer: testSigner });
  await b.ready();
});
afterAll(async () => {
  await b.close();
  await a.close();
});

describe('several servers on one database', () => {
  it('accepts on one server a session opened on the other, and a logout on one ends it on both', async () => {
    const org = await makeOrganisation(a.database.db);
    const admin = await makeUser(org, ['admin']);
    const s = await login(a.app, admin.email);
    expect((await b.inject({ method: 'GET', url: '/api/me', headers: s.headers })).json().user.email).toBe(admin.email);
    await b.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect((await a.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('detects a lost update across servers with the version column', async () => {
    const org = await makeOrganisation(a.database.db);
    const s = await login(a.app, (await makeUser(org, ['admin'])).email);
    const target = await makeUser(org, ['employee']);
    const [r1, r2] = await Promise.all([
      a.app.inject({ method: 'PATCH', url: `/api/users/${target.id}`, headers: s.headers, payload: { version: 1, department: 'From A' } }),
      b.inject({ method: 'PATCH', url: `/api/users/${target.id}`, headers: s.headers, payload: { version: 1, department: 'From B' } }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
  });
});
