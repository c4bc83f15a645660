import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type AimsConfig } from '../platform/config.ts';
import { createServer } from '../server.ts';
import { ephemeralSigner } from '../modules/ledger/signing-key.ts';

/** One signing key per test process, so that checkpoints of one file verify against one key. */
export const testSigner = ephemeralSigner('aims-test');
import { createTestDatabase, type TestDatabase } from './test-db.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real application, in-process, on a fresh database; requests go through `app.inject`. */
export async function startTestApp(overrides: Partial<AimsConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // A data folder of its own, for files the app writes (evidence); removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-test-data-'));
  const config = { ...loadConfig({ dataDir }, {}), loginRateLimitPerMinute: 1000, ...overrides };
  const app = await createServer(config, database, { logger: false, webDir: '/nonexistent-aims-web', signer: testSigner });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated request, with the CSRF token for writes. */
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'aims_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie: cookie.value, csrfToken, headers: { cookie: `aims_session=${cookie.value}`, 'x-csrf-token': csrfToken } };
}
