import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../src/modules/ledger/canonical-json.ts';
import { verifyCheckpoint } from '../src/modules/ledger/checkpoint.ts';
import { leafHashOfText, verifyInclusion } from '../src/modules/ledger/merkle.ts';
import { screenshot, startAims, type Aims } from './support/aims.ts';
import { apiFromPage, signIn } from './support/journeys.ts';

let aims: Aims;
beforeAll(async () => {
  aims = await startAims();
});
afterEach(async () => aims.closePages());
afterAll(async () => aims?.close());

const ENTRIES = { name: 'Audit trail entries' } as const;

async function openAuditTrail(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Audit trail' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
  await page.getByRole('table', ENTRIES).waitFor();
}

/** The sequence numbers shown in the table, top to bottom. */
async function shownSeqs(page: Page): Promise<number[]> {
  const ids = await page.getByRole('table', ENTRIES).locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
  return ids.map((id) => Number(id.replace('entry-row-', '')));
}

interface ProofFile {
  origin: string;
  seq: number;
  treeSize: number;
  leafHash: string;
  rootHash: string;
  proof: string[];
  checkpoint: string | null;
  verifierKeys: string[];
  entry: { seq: number; event: unknown };
}

/** What anyone holding the file can do offline, with nothing but the file. */
function checkProofOffline(file: ProofFile): void {
  expect(leafHashOfText(canonicalize(file.entry.event)).toString('hex')).toBe(file.leafHash);
  const path = file.proof.map((hex) => Buffer.from(hex, 'hex'));
  expect(verifyInclusion(file.seq, file.treeSize, Buffer.from(file.leafHash, 'hex'), path, Buffer.from(file.rootHash, 'hex'))).toBe(true);
  const signed = verifyCheckpoint(file.checkpoint ?? '', file.verifierKeys);
  expect(signed.ok).toBe(true);
  expect(signed.checkpoint.treeSize).toBe(file.treeSize);
  expect(signed.checkpoint.origin).toBe(file.origin);
  expect(signed.checkpoint.rootHash.toString('hex')).toBe(file.rootHash);
}

describe('audit trail', () => {
  it('an administrator finds a change at the top, signs a checkpoint, downloads a proof that checks offline, and verifies the log', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    const created = await apiFromPage(page, 'POST', '/api/users', { email: 'lena.ledger@northwind.example', name: 'Lena Ledger', roles: [{ role: 'employee' }] });
    expect(created.status).toBe(201);
    const total = ((await apiFromPage(page, 'GET', '/api/ledger/entries?limit=1')).body as { total: number }).total;

    await openAuditTrail(page);
    await page.getByTestId('entry-count').filter({ hasText: String(total) }).waitFor();
    // The demo does not sign checkpoints and the e2e server runs no checkpoint job.
    await page.getByText('None signed yet.').waitFor();
    const top = page.getByRole('table', ENTRIES).locator('tbody tr').first();
    expect(await top.textContent()).toContain('identity.user.created');
    const seq = (await shownSeqs(page))[0]!;
    expect(seq).toBe(total - 1);
    await screenshot(page, 'audit-trail');

    await page.getByRole('button', { name: `Entry ${seq}: identity.user.created, details` }).click();
    const drawer = page.getByRole('dialog', { name: `Entry ${seq}` });
    await drawer.waitFor();
    expect(new URL(page.url()).searchParams.get('entry')).toBe(String(seq));
    const requestRow = drawer.getByRole('table', { name: 'Entry fields' }).getByRole('row').filter({ hasText: 'Request id' });
    expect(await requestRow.locator('code').textContent()).toMatch(/\S{8,}/);
    const changes = drawer.getByRole('table', { name: 'Changes' });
    for (const field of ['email', 'department', 'roles', 'password']) await changes.getByRole('cell', { name: field, exact: true }).waitFor();
    // Values are digests only: the new email never appears in clear.
    expect(await drawer.textContent()).not.toContain('lena.ledger@northwind.example');
    expect(await drawer.textContent()).toContain('Values are never stored in clear');

    await drawer.getByText('No checkpoint has been signed yet').waitFor();
    await drawer.getByRole('button', { name: 'Sign a checkpoint now' }).click();
    await page.getByText(`The log is signed at size ${total}.`).waitFor();

    const downloading = page.waitForEvent('download');
    await drawer.getByRole('button', { name: 'Download inclusion proof' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`aims-proof-${seq}.json`);
    const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as ProofFile;
    expect(Array.isArray(file.proof)).toBe(true);
    expect(file.checkpoint).toContain(`\n${total}\n`);
    expect(file.seq).toBe(seq);
    expect(file.treeSize).toBe(total);
    checkProofOffline(file);
    expect(await drawer.getByTestId('proof-tree-size').textContent()).toBe(String(total));
    await screenshot(page, 'audit-entry', { fullPage: false });

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('entry')).toBeNull();
    await page.getByTestId('latest-checkpoint').filter({ hasText: `size ${total}` }).waitFor();

    await page.getByRole('button', { name: 'Verify now' }).click();
    const verdict = page.getByTestId('verification-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain(`intact: ${total} entries, 1 signed checkpoint verified`);
    await page.getByRole('button', { name: 'Public keys' }).click();
    await page.getByRole('button', { name: 'Copy verifier key 1' }).waitFor();
    expect(await page.getByRole('link', { name: 'Download export' }).getAttribute('href')).toBe('/api/ledger/export');
    await screenshot(page, 'audit-verified');
    expect(problems).toEqual([]);
  });

  it('filters, orders and pages the entries on the server and keeps them in the address', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    const rows = Array.from({ length: 30 }, (_, i) => `trail${String(i).padStart(2, '0')}@northwind.example,Trail ${i},Ops,employee`);
    const imported = await apiFromPage(page, 'POST', '/api/users/import', { csv: ['email,name,department,roles', ...rows].join('\n'), dryRun: false });
    expect(imported.status).toBe(200);
    const count = async (query: string) => ((await apiFromPage(page, 'GET', `/api/ledger/entries?limit=1&${query}`)).body as { total: number }).total;
    const total = await count('');
    const createdTotal = await count('action=identity.user.created');
    expect(total).toBeGreaterThan(25);

    await openAuditTrail(page);
    await page.getByText(`Showing 1–25 of ${total}`).waitFor();
    await page.getByRole('button', { name: 'Page 2' }).click();
    await page.getByText(`Showing 26–${Math.min(50, total)} of ${total}`).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');

    await page.locator('label').filter({ hasText: 'Oldest first' }).click();
    await page.getByText(`Showing 1–25 of ${total}`).waitFor();
    expect((await shownSeqs(page)).slice(0, 3)).toEqual([0, 1, 2]);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('seq');

    const filter = page.getByRole('search', { name: 'Filter entries' });
    await filter.getByRole('textbox', { name: 'Action' }).fill('identity.user.created');
    await filter.getByRole('textbox', { name: 'Action' }).press('Enter');
    await page.getByText(`Showing 1–${Math.min(25, createdTotal)} of ${createdTotal}`).waitFor();
    const actions = await page.getByRole('table', ENTRIES).locator('tbody tr td:nth-child(3)').allTextContents();
    expect(new Set(actions)).toEqual(new Set(['identity.user.created']));

    // The address carries the view: a reload shows the same filters, order and results.
    await page.reload();
    await page.getByText(`Showing 1–${Math.min(25, createdTotal)} of ${createdTotal}`).waitFor();
    expect(await filter.getByRole('textbox', { name: 'Action' }).inputValue()).toBe('identity.user.created');
    expect(await page.getByRole('radio', { name: 'Oldest first' }).isChecked()).toBe(true);

    // A shortcut from an entry filters by its actor; a date range before any entry is empty.
    await page.getByRole('button', { name: /^Entry \d+: identity\.user\.created, details$/ }).first().click();
    const drawer = page.getByRole('dialog', { name: /^Entry \d+$/ });
    await drawer.getByRole('button', { name: 'Entries by this actor' }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('actor')).toMatch(/^(p:|system)/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await filter.getByLabel('To', { exact: true }).fill('2001-01-31');
    await filter.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No entry matches these filters').waitFor();
    await screenshot(page, 'audit-empty');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByText(`Showing 1–25 of ${total}`).waitFor();
    expect(problems).toEqual([]);
  });

  it('an external auditor reads and verifies the trail but cannot sign checkpoints', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'external_auditor@northwind.example');
    await openAuditTrail(page);
    expect(await page.getByRole('button', { name: 'Sign checkpoint' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByTestId('verification-verdict').filter({ hasText: 'intact:' }).waitFor();

    // With the keyboard: Enter on an entry opens it, Escape closes it and gives focus back.
    // Entries newer than the latest checkpoint cannot be proven yet, and this role cannot sign.
    const newest = page.getByRole('button', { name: /^Entry \d+: / }).first();
    const newestName = await newest.getAttribute('aria-label');
    await newest.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: /^Entry \d+$/ });
    await drawer.getByText('This entry is newer than the latest checkpoint').waitFor();
    expect(await drawer.getByRole('button', { name: 'Sign a checkpoint now' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, newestName);

    // An entry the first test's checkpoint covers can be proven by anyone who reads the trail.
    await page.goto('/audit-trail?entry=0');
    const first = page.getByRole('dialog', { name: 'Entry 0' });
    const downloading = page.waitForEvent('download');
    await first.getByRole('button', { name: 'Download inclusion proof' }).click();
    checkProofOffline(JSON.parse(fs.readFileSync(await (await downloading).path(), 'utf8')) as ProofFile);

    const forged = await apiFromPage(page, 'POST', '/api/ledger/checkpoints');
    expect(forged.status).toBe(403);
    expect(problems).toEqual([]);
  });

  it('an employee is not allowed to read the trail', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'employee@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Audit trail' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('ledger.read');
    expect(await page.getByRole('table', ENTRIES).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Verify now' }).count()).toBe(0);
    expect((await apiFromPage(page, 'GET', '/api/ledger/entries')).status).toBe(403);
    expect(problems).toEqual([]);
  });

  it('fits a phone screen, with the entry over the whole screen', async () => {
    const { page, problems } = await aims.openPage({ width: 390, height: 844 });
    await signIn(page, 'compliance_officer@northwind.example');
    await page.goto('/audit-trail');
    await page.getByRole('table', ENTRIES).waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'audit-phone');
    await page.getByRole('button', { name: /^Entry \d+: / }).first().click();
    await page.getByRole('dialog', { name: /^Entry \d+$/ }).getByRole('table', { name: 'Entry fields' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'audit-phone-entry', { fullPage: false });
    expect(problems).toEqual([]);
  });
});
