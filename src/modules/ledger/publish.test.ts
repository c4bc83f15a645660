import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation } from '../../testing/factories.ts';
import { testSigner } from '../../testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { appendEvents } from './append.service.ts';
import { checkpointDue, createCheckpoint } from './checkpoints.service.ts';
import { verifyDatabase } from './export.service.ts';
import { ephemeralSigner, publishKey } from './signing-key.ts';

let t: TestDatabase;
let witness: http.Server;
let witnessUrl: string;
const received: Array<{ body: string; size: string | undefined }> = [];
let witnessStatus = 200;

beforeAll(async () => {
  t = await createTestDatabase();
  await publishKey(t.db, testSigner);
  witness = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ body, size: req.headers['x-aims-tree-size'] as string | undefined });
      res.writeHead(witnessStatus).end();
    });
  });
  await new Promise<void>((resolve) => witness.listen(0, '127.0.0.1', resolve));
  witnessUrl = `http://127.0.0.1:${(witness.address() as { port: number }).port}/checkpoints`;
});
afterAll(async () => {
  await new Promise((resolve) => witness.close(resolve));
  await t.dispose();
});

const grow = (org: Awaited<ReturnType<typeof makeOrganisation>>, n: number) =>
  t.db.transaction().execute((tx) => appendEvents(tx, org.system.actor, null, Array.from({ length: n }, (_, i) => ({ action: 'test.item.created', resource: { type: 'item', id: String(i) } }))));

describe('checkpoint publication', () => {
  it('writes each new checkpoint to a folder and POSTs it to an endpoint; the copy proves the log later', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-witness-'));
    const org = await makeOrganisation(t.db);
    await grow(org, 9);
    const cp = (await createCheckpoint(t.db, org.id, testSigner, { dir, url: witnessUrl }))!;
    const file = path.join(dir, org.id, 'checkpoint-000000000010.txt');
    expect(fs.readFileSync(file, 'utf8')).toBe(cp.note);
    expect(fs.readFileSync(path.join(dir, org.id, 'latest.txt'), 'utf8')).toBe(cp.note);
    expect(received.at(-1)).toEqual({ body: cp.note, size: '10' });
    await grow(org, 5);
    expect((await verifyDatabase(t.db, org.id, { trustedCheckpoint: fs.readFileSync(file, 'utf8') })).ok).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the checkpoint and reports the failure when publication fails', async () => {
    const org = await makeOrganisation(t.db);
    await grow(org, 3);
    witnessStatus = 503;
    const failures: string[][] = [];
    const cp = await createCheckpoint(t.db, org.id, testSigner, { url: witnessUrl }, (_o, _s, errors) => failures.push(errors));
    witnessStatus = 200;
    expect(cp?.treeSize).toBe(4);
    expect(failures).toEqual([[`${witnessUrl} answered 503`]]);
  });

  it('signs due checkpoints every N entries or T seconds, once per size across servers', async () => {
    const org = await makeOrganisation(t.db);
    await grow(org, 4);
    const policy = { everyEntries: 10, everySeconds: 3600 };
    const now = Date.now();
    // The organisation's first entries have never been checkpointed: that is due at once (T since epoch).
    expect(await checkpointDue(t.db, testSigner, policy, {}, undefined, now)).toBeGreaterThanOrEqual(1);
    await grow(org, 3);
    const before = (await t.db.selectFrom('ledger_checkpoints').select('tree_size').where('organisation_id', '=', org.id).execute()).length;
    await checkpointDue(t.db, testSigner, policy, {}, undefined, now);
    expect((await t.db.selectFrom('ledger_checkpoints').select('tree_size').where('organisation_id', '=', org.id).execute()).length).toBe(before);
    await grow(org, 10);
    await Promise.all([checkpointDue(t.db, testSigner, policy, {}, undefined, now), checkpointDue(t.db, testSigner, policy, {}, undefined, now)]);
    const sizes = (await t.db.selectFrom('ledger_checkpoints').select('tree_size').where('organisation_id', '=', org.id).orderBy('tree_size').execute()).map((r) => Number(r.tree_size));
    expect(sizes).toEqual([5, 18]);
    await grow(org, 1);
    await checkpointDue(t.db, testSigner, policy, {}, undefined, now + 3601_000);
    expect((await t.db.selectFrom('ledger_checkpoints').select('tree_size').where('organisation_id', '=', org.id).orderBy('tree_size', 'desc').executeTakeFirstOrThrow()).tree_size).toBe(19);
  });

  it('keeps old checkpoints verifiable after the signing key is rotated', async () => {
    const org = await makeOrganisation(t.db);
    await grow(org, 5);
    await createCheckpoint(t.db, org.id, testSigner);
    const next = ephemeralSigner('aims-2027');
    await publishKey(t.db, next);
    await grow(org, 5);
    await createCheckpoint(t.db, org.id, next);
    const verdict = await verifyDatabase(t.db, org.id);
    expect(verdict).toMatchObject({ ok: true, checkpointsVerified: 2 });
  });
});
