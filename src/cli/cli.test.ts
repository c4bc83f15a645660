import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser } from '../testing/factories.ts';
import { login, startTestApp } from '../testing/test-app.ts';

/** The `aims` command as a user runs it: a real process on a real SQLite data folder. */
const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/aims.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function aims(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, AIMS_DATA_DIR: dataDir, AIMS_DATABASE_URL: '', NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('aims CLI', () => {
  it('has --help on every command', async () => {
    for (const args of [[], ['serve'], ['db'], ['db', 'migrate'], ['db', 'status'], ['user', 'create'], ['token', 'create'], ['demo', 'seed'], ['ledger'], ['ledger', 'verify'], ['ledger', 'export'], ['ledger', 'checkpoint'], ['ledger', 'keys'], ['ledger', 'rotate-key']]) {
      const res = await aims([...args, '--help']);
      expect(res.code, args.join(' ')).toBe(0);
      expect(res.stdout).toContain('Usage: aims');
    }
    // Each call starts a Node process that compiles the CLI: allow for a loaded CI machine.
  }, 180_000);

  it('migrates, reports status, seeds the demo idempotently, creates a user and a token', { timeout: 120_000 }, async () => {
    const migrate = await aims(['db', 'migrate']);
    expect(migrate.stdout).toMatch(/Applied 0001_identity, 0002_ledger, 0003_custom_frameworks, 0004_assessments, 0005_evidence, 0006_soa/);
    const status = await aims(['db', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ dialect: 'sqlite', migrations: [{ name: '0001_identity', applied: true }, { name: '0002_ledger', applied: true }, { name: '0003_custom_frameworks', applied: true }, { name: '0004_assessments', applied: true }, { name: '0005_evidence', applied: true }, { name: '0006_soa', applied: true }] });

    const seed = await aims(['demo', 'seed'], { AIMS_DEMO_PASSWORD: 'demo-password-42' });
    expect(seed.stdout).toContain('Created organisation northwind.');
    expect(seed.stdout).toContain('admin@northwind.example');
    expect(seed.stdout).not.toContain('shown once');
    const again = await aims(['demo', 'seed']);
    expect(again.stdout).toContain('All demo users already exist.');

    const user = await aims(['user', 'create', '--org', 'northwind', '--email', 'ci-bot@northwind.example', '--name', 'CI Bot', '--role', 'model_owner']);
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/Temporary password \(shown once\): \S{20}/);
    const token = await aims(['token', 'create', '--email', 'ci-bot@northwind.example', '--name', 'pipeline', '--days', '7'], { AIMS_ORG: 'northwind' });
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^aims_\S+$/);
  });

  it('checkpoints, verifies, exports and verifies the export offline, with exit codes 0 / 1 / 2', { timeout: 180_000 }, async () => {
    const checkpoint = await aims(['ledger', 'checkpoint', '--org', 'northwind']);
    expect(checkpoint.code).toBe(0);
    expect(checkpoint.stdout).toMatch(/^aims\/ledger\/[0-9a-f-]{36}\n\d+\n/);
    expect(fs.statSync(path.join(dataDir, 'ledger-signing-key.pem')).mode & 0o777).toBe(0o600);
    const trusted = path.join(dataDir, 'trusted-checkpoint.txt');
    fs.writeFileSync(trusted, checkpoint.stdout);

    const verify = await aims(['ledger', 'verify', '--org', 'northwind', '--trusted-checkpoint', trusted]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^intact: \d+ entries, 2 signed checkpoint\(s\) verified/);
    const entriesBefore = Number(/intact: (\d+) entries/.exec(verify.stdout)![1]);

    const file = path.join(dataDir, 'export.jsonl');
    expect((await aims(['ledger', 'export', '--org', 'northwind', '--out', file])).code).toBe(0);
    const offline = await aims(['ledger', 'verify', '--file', file, '--json'], { AIMS_DATA_DIR: '/nonexistent' });
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ ok: true, problem: null });

    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('identity.user.created', 'identity.user.deleted');
    fs.writeFileSync(file, lines.join('\n'));
    const tampered = await aims(['ledger', 'verify', '--file', file]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/TAMPERED at entry 2 \(leaf_hash_mismatch\)/);

    expect((await aims(['ledger', 'verify', '--file', path.join(dataDir, 'missing.jsonl')])).code).toBe(2);

    const rotated = await aims(['ledger', 'rotate-key']);
    expect(rotated.code).toBe(0);
    expect((await aims(['user', 'create', '--email', 'after-rotation@northwind.example', '--name', 'After', '--role', 'employee'])).code).toBe(0);
    expect((await aims(['ledger', 'checkpoint'])).code).toBe(0);
    const keys = await aims(['ledger', 'keys']);
    expect(keys.stdout.trim().split('\n')).toHaveLength(3);
    // The new user (created, then given a temporary password) adds two entries, signed with the new key.
    expect((await aims(['ledger', 'verify'])).stdout).toMatch(new RegExp(`^intact: ${entriesBefore + 2} entries, 2 signed checkpoint`));
    fs.writeFileSync(path.join(dataDir, 'not-an-export.jsonl'), '{"hello": 1}\n');
    expect((await aims(['ledger', 'verify', '--file', path.join(dataDir, 'not-an-export.jsonl')])).code).toBe(2);
  });

  it('exports from a running server with an API token, through the typed API client', { timeout: 120_000 }, async () => {
    const server = await startTestApp();
    try {
      const org = await makeOrganisation(server.database.db);
      const auditor = await login(server.app, (await makeUser(org, ['internal_auditor'])).email);
      const token = (await server.app.inject({ method: 'POST', url: '/api/tokens', headers: auditor.headers, payload: { name: 'audit export', scopes: ['read'] } })).json().secret as string;
      const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const file = path.join(dataDir, 'remote-export.jsonl');
      const exported = await aims(['ledger', 'export', '--server', url, '--out', file], { AIMS_TOKEN: token });
      expect(exported.code).toBe(0);
      expect((await aims(['ledger', 'verify', '--file', file])).code).toBe(0);
      expect(fs.readFileSync(file, 'utf8')).toContain(org.id);
      const refused = await aims(['ledger', 'export', '--server', url, '--token', 'aims_wrong', '--out', file]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('invalid_token');
    } finally {
      await server.close();
    }
  });

  it('fails with a clear message and a non-zero exit on bad input', async () => {
    const badRole = await aims(['user', 'create', '--email', 'x@y.test', '--name', 'X', '--role', 'wizard']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('unknown role(s): wizard');
    const noOrg = await aims(['token', 'create', '--org', 'nope', '--email', 'x@y.test', '--name', 'n']);
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('No organisation with slug "nope"');
    const days = await aims(['token', 'create', '--email', 'x@y.test', '--name', 'n', '--days', '999']);
    expect(days.stderr).toContain('--days must be an integer from 1 to 365');
  });
});
