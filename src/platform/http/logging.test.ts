import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../../testing/factories.ts';
import { testSigner } from '../../testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { loadConfig } from '../config.ts';
import { loggerOptions } from './logger.ts';

let t: TestDatabase;
const lines: string[] = [];
let app: Awaited<ReturnType<typeof createServer>>;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createServer({ ...loadConfig({}, {}), loginRateLimitPerMinute: 100 }, t, {
    logger: { ...(loggerOptions('info') as object), stream: { write: (line: string) => lines.push(line) } },
    webDir: '/nonexistent',
    signer: testSigner,
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.dispose();
});

describe('request logs', () => {
  it('carry the request id, actor and organisation, and no credentials, personal data, query strings or client addresses', async () => {
    const org = await makeOrganisation(t.db);
    const user = await makeUser(org, ['admin'], { email: `secret.person@${org.slug}.test` });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'aims_session')!.value;
    const res = await app.inject({ method: 'GET', url: `/api/users?q=${encodeURIComponent('secret.person')}`, headers: { cookie: `aims_session=${cookie}`, 'x-request-id': 'trace-logs-0001' } });
    expect(res.statusCode).toBe(200);
    const text = lines.join('\n');
    const completed = lines.map((l) => JSON.parse(l)).find((l) => l.reqId === 'trace-logs-0001' && l.msg === 'request completed');
    expect(completed).toMatchObject({ actor: user.id, org: org.id, res: { statusCode: 200 } });
    for (const secret of [TEST_PASSWORD, cookie, 'secret.person', '127.0.0.1', 'remoteAddress', login.json().csrfToken]) expect(text).not.toContain(secret);
  });
});
