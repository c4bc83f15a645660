/**
 * HTTP load on a list endpoint over 10,000 records, beside GET /api/health
 * measured in the same run as the framework's floor. Machines here are shared and noisy, so the
 * result that matters is the ratio to that floor, not an absolute time.
 *
 * Options (environment): BENCH_SECONDS (default 8), BENCH_CONNECTIONS (default 10),
 * BENCH_DATABASE_URL to run against PostgreSQL instead of SQLite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { systemActor } from '../src/platform/authz/actor.ts';
import { allPermissions } from '../src/platform/authz/permissions.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { buildActor } from '../src/modules/identity/actor-builder.ts';
import { ensureOrganisation } from '../src/modules/identity/organisations.service.ts';
import { createToken } from '../src/modules/identity/tokens.service.ts';
import { importUsers } from '../src/modules/identity/users-import.service.ts';
import { createUser } from '../src/modules/identity/users.service.ts';
import { findMember } from '../src/modules/identity/users.repository.ts';
import { nowIso } from '../src/platform/db/time.ts';

const RECORDS = 10_000;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;

async function seed(dataDir: string): Promise<string> {
  const database = openDatabase({ databaseUrl, dataDir });
  try {
    await migrateToLatest(database.db);
    const slug = `bench-${Date.now().toString(36)}`;
    const { organisation } = await ensureOrganisation(database.db, slug, 'Bench Org');
    const system = { db: database.db, actor: systemActor(organisation.id, slug, allPermissions()), requestId: null };
    const admin = await createUser(system, { email: `admin@${slug}.bench`, name: 'Bench Admin', roles: [{ role: 'admin' }] });
    const rows = ['email,name,department,roles'];
    for (let i = 1; i < RECORDS; i++) rows.push(`person${i}@${slug}.bench,Person ${String(i).padStart(5, '0')},Dept ${i % 40},employee`);
    const started = Date.now();
    const result = await importUsers(system, rows.join('\n'), false);
    if (result.created !== RECORDS - 1) throw new Error(`seeding failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
    console.log(`seeded ${RECORDS} users in ${Date.now() - started} ms (${database.dialect})`);
    const member = (await findMember(database.db, organisation.id, admin.id))!;
    const actor = await buildActor(database.db, { kind: 'user', userId: admin.id, organisationId: organisation.id, organisationSlug: slug, membershipId: member.membership_id }, nowIso());
    return (await createToken({ db: database.db, actor, requestId: null }, { name: 'bench', scopes: ['*'], expiresInDays: 1 })).secret;
  } finally {
    await database.close();
  }
}

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const env = { ...process.env, AIMS_LOG_LEVEL: 'warn', ...(databaseUrl ? { AIMS_DATABASE_URL: databaseUrl } : {}) };
  const child = spawn(process.execPath, ['bin/aims.mjs', 'serve', '--no-demo', '--data-dir', dataDir, '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('aims is running')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

interface Measure {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, token?: string): Promise<Measure> {
  const result = await autocannon({ url, connections, duration: seconds, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const non2xx = result.non2xx + result.errors;
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: non2xx };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const token = await seed(dataDir);
  const server = await startServer(dataDir, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    await load('warm-up', `${base}/api/health`); // JIT and connection pools settle before measuring
    const floor = await load('GET /api/health (floor)', `${base}/api/health`);
    const list = await load(`GET /api/users?limit=50&offset=5000&sort=name (${RECORDS} records)`, `${base}/api/users?limit=50&offset=5000&sort=name`, token);
    const search = await load('GET /api/users?q=person 09&limit=50', `${base}/api/users?q=person%2009&limit=50`, token);
    console.log(`\n${connections} connections, ${seconds} s each, ${os.cpus().length} cores, node ${process.version}\n`);
    console.log('endpoint'.padEnd(64) + 'req/s'.padStart(10) + 'p50 ms'.padStart(9) + 'p99 ms'.padStart(9) + '  vs floor (req/s)');
    for (const m of [floor, list, search]) {
      console.log(m.name.padEnd(64) + m.rps.toFixed(0).padStart(10) + String(m.p50).padStart(9) + String(m.p99).padStart(9) + `  ${(m.rps / floor.rps).toFixed(2)}x${m.errors ? `  (${m.errors} errors!)` : ''}`);
    }
    if (list.errors + search.errors + floor.errors > 0) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    if (!databaseUrl) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
