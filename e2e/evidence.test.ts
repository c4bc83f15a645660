import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startAims, type Aims } from './support/aims.ts';
import { signIn } from './support/journeys.ts';

let aims: Aims;
beforeAll(async () => {
  aims = await startAims();
});
afterEach(async () => aims.closePages());
afterAll(async () => aims?.close());

const DEMO = 'ISO/IEC 42001 certification readiness';
const TITLE = 'Model card of the credit scorer';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PDF_SHA256 = crypto.createHash('sha256').update(PDF).digest('hex');

async function openEvidencePage(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Evidence' }).click();
  await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
}

async function openEvidence(page: Page, title: string): Promise<void> {
  await page.getByRole('table', { name: 'Evidence' }).getByRole('button', { name: `Open ${title}` }).click();
  await page.getByRole('dialog', { name: title }).getByTestId('evidence-detail').waitFor();
}

describe('evidence', () => {
  it('a model owner adds file evidence and a disguised file is refused', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'model_owner@northwind.example');
    await openEvidencePage(page);
    await page.getByRole('button', { name: 'Add evidence' }).click();
    const modal = page.getByRole('dialog', { name: 'Add evidence' });
    await modal.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await modal.locator('input[type=file]').setInputFiles({ name: 'model-card.pdf', mimeType: 'application/pdf', buffer: PDF });
    await modal.getByRole('button', { name: 'Add and upload' }).click();
    await modal.waitFor({ state: 'hidden' });

    // The new evidence opens: version 1 with the SHA-256 of the bytes sent.
    const drawer = page.getByRole('dialog', { name: TITLE });
    const versions = drawer.getByRole('table', { name: 'File versions' });
    await versions.waitFor();
    expect(await versions.locator('tr[data-file-version]').count()).toBe(1);
    expect(await versions.locator('tr[data-file-version="1"]').textContent()).toContain('v1');
    expect(await versions.locator(`code[title="${PDF_SHA256}"]`).count()).toBe(1);
    expect(params(page).get('open')).toBeTruthy();
    await screenshot(page, 'evidence-detail', { fullPage: false });

    // HTML named .pdf: the server reads the content and refuses it; nothing changes.
    await drawer.locator('input[type=file]').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><html><body>not a pdf</body></html>') });
    await drawer.getByRole('button', { name: 'Upload', exact: true }).click();
    const refusal = drawer.getByRole('alert').filter({ hasText: 'The file was not uploaded' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('report.pdf: the content is not a');
    expect(await versions.locator('tr[data-file-version]').count()).toBe(1);
    await screenshot(page, 'evidence-upload-refused', { fullPage: false });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    const row = page.getByRole('table', { name: 'Evidence' }).getByRole('row').filter({ hasText: TITLE });
    expect(await row.textContent()).toContain('model-card.pdf');
    expect(await row.textContent()).toContain('Draft');
    await screenshot(page, 'evidence-list');
    expect(problems).toEqual([]);
  });

  it('a compliance officer attaches it to a result, approves it and downloads the same bytes', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'compliance_officer@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Gap assessments' }).click();
    await page.getByRole('table', { name: 'Gap assessments' }).getByRole('link', { name: DEMO }).click();
    await page.getByRole('table', { name: 'Results' }).locator('tr[data-item-id="4.1"]').getByRole('button').click();
    const section = page.getByRole('dialog').getByTestId('result-evidence');
    await section.getByText('No evidence supports this result yet.').waitFor();
    const picker = section.getByRole('combobox', { name: 'Attach existing evidence' });
    await picker.click();
    await picker.fill('credit scorer');
    await page.getByRole('option', { name: TITLE }).click();
    await section.getByRole('button', { name: 'Attach', exact: true }).click();
    const linked = section.getByRole('list', { name: /^Evidence of 4\.1 / });
    await linked.getByRole('link', { name: TITLE }).waitFor();
    expect(await linked.textContent()).toContain('Draft');
    await screenshot(page, 'evidence-result-section', { fullPage: false });

    // From the result to the evidence: linked requirement shown by item id and title.
    await linked.getByRole('link', { name: TITLE }).click();
    const drawer = page.getByRole('dialog', { name: TITLE });
    await drawer.getByRole('list', { name: 'Linked assessment results' }).getByRole('link', { name: /^4\.1 / }).waitFor();
    await drawer.getByRole('button', { name: 'Approve' }).click();
    await drawer.getByText('Approved', { exact: true }).waitFor();
    expect(await drawer.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: 'Download model-card.pdf version 1' }).click()]);
    expect(download.suggestedFilename()).toBe('model-card.pdf');
    expect(Buffer.compare(fs.readFileSync(await download.path()), PDF)).toBe(0);
    await screenshot(page, 'evidence-approved', { fullPage: false });
    expect(problems).toEqual([]);
  });

  it('an external auditor sees evidence read-only', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'external_auditor@northwind.example');
    await openEvidencePage(page);
    await page.getByRole('table', { name: 'Evidence' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add evidence' }).count()).toBe(0);
    await openEvidence(page, TITLE);
    const drawer = page.getByRole('dialog', { name: TITLE });
    await drawer.getByRole('table', { name: 'File versions' }).waitFor();
    expect(await drawer.getByRole('button', { name: /^(Approve|Reject|Submit for review|Edit details|Upload|Unlink)/ }).count()).toBe(0);
    expect(await drawer.locator('input[type=file]').count()).toBe(0);
    await screenshot(page, 'evidence-auditor', { fullPage: false });
    expect(problems).toEqual([]);
  });

  it('an employee is not allowed to see evidence', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'employee@northwind.example');
    await page.goto('/evidence');
    const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('evidence.read');
    expect(await page.getByRole('table').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

function params(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}
