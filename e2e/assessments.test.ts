import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startAims, type Aims } from './support/aims.ts';
import { apiFromPage, signIn } from './support/journeys.ts';

let aims: Aims;
beforeAll(async () => {
  aims = await startAims();
});
afterEach(async () => aims.closePages());
afterAll(async () => aims?.close());

const DEMO = 'ISO/IEC 42001 certification readiness';

async function openDemoAssessment(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Gap assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gap assessments' }).waitFor();
  await page.getByRole('table', { name: 'Gap assessments' }).getByRole('link', { name: DEMO }).click();
  await page.getByRole('heading', { level: 1, name: DEMO }).waitFor();
  await page.getByRole('table', { name: 'Results' }).waitFor();
}

function row(page: Page, itemId: string): Locator {
  return page.getByRole('table', { name: 'Results' }).locator(`tr[data-item-id="${itemId}"]`);
}

async function choose(page: Page, scope: Locator, field: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

function params(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('gap assessment', () => {
  it('a compliance officer follows maturity, records results, reads the posture and compares snapshots', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'compliance_officer@northwind.example');
    await openDemoAssessment(page);
    expect(await page.getByTestId('maturity-headline').textContent()).toMatch(/^\d\.\d → target 4\.5$/);
    await screenshot(page, 'assessment-results');

    // Filters live in the address bar and narrow the table.
    await choose(page, page.getByRole('search', { name: 'Filter results' }), 'Result', 'Non-compliant');
    expect(params(page).get('result')).toBe('non_compliant');
    await row(page, '4.1').waitFor({ state: 'detached' });
    expect(await row(page, '6.1.4').count()).toBe(1);
    expect(await page.getByText(/^Showing \d+ of \d+ items$/).textContent()).not.toMatch(/^Showing (\d+) of \1 /);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // Edit a result: what the item asks is beside the fields.
    await row(page, '4.1').getByRole('button').click();
    expect(params(page).get('item')).toBe('4.1');
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('item-requirement').getByRole('heading', { name: 'Auditor questions' }).waitFor();
    await choose(page, drawer, 'Result', 'Compliant');
    await choose(page, drawer, 'Maturity', '4 Quantitatively managed');
    await drawer.getByRole('combobox', { name: 'Owner' }).click();
    await drawer.getByRole('combobox', { name: 'Owner' }).fill('Rhea');
    await page.getByRole('option', { name: /^Rhea Risk/ }).click();
    await drawer.getByLabel('Due date').fill('2026-09-30');
    await screenshot(page, 'assessment-editor', { fullPage: false });
    await drawer.getByRole('button', { name: 'Save result' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.querySelector('tr[data-item-id="4.1"]')?.textContent?.includes('Rhea Risk'));
    expect(await row(page, '4.1').getByRole('cell').allTextContents()).toEqual(['In progress', 'Compliant', '4 Quantitatively managed', 'Rhea Risk', '2026-09-30']);

    // Not applicable needs a justification: the server's refusal shows next to the field.
    await row(page, '7.4').getByRole('button').click();
    await choose(page, drawer, 'Result', 'Not applicable');
    await drawer.getByRole('button', { name: 'Save result' }).click();
    const justification = drawer.getByRole('textbox', { name: 'Justification' });
    await page.waitForFunction(() => document.querySelector('[role=dialog] textarea[aria-invalid=true]') !== null);
    expect(await drawer.getByText('required when the result is not applicable').count()).toBe(1);
    expect(await justification.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'assessment-justification-error', { fullPage: false });
    await justification.fill('Communication is covered by the group-wide policy outside this scope.');
    await drawer.getByRole('button', { name: 'Save result' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.querySelector('tr[data-item-id="7.4"]')?.textContent?.includes('Not applicable'));

    // Posture under the EU AI Act: a derived result shows where it came from.
    await page.getByRole('tab', { name: 'Posture' }).click();
    const posture = page.getByRole('table', { name: 'EU AI Act posture' });
    const article27 = posture.locator('tr[data-item-id="27"]');
    await article27.waitFor();
    expect(await article27.textContent()).toContain('Non-compliant');
    await article27.getByRole('button', { name: /^Where this comes from/ }).click();
    const sources = page.getByRole('list', { name: 'Where the result of 27 comes from' });
    const fromIso = sources.getByTestId('contribution').filter({ hasText: 'ISO 42001 6.1.4' });
    expect(await fromIso.textContent()).toContain('is non-compliant; mapping intersects (strong) → passes non-compliant');
    await screenshot(page, 'assessment-posture');

    // Maturity: per group, and the trend from the baseline at 2.1 to the target 4.5.
    await page.getByRole('tab', { name: 'Maturity' }).click();
    const history = page.getByRole('table', { name: 'Maturity history' });
    await history.waitFor();
    const firstRow = await history.getByRole('row').nth(1).textContent();
    expect(firstRow).toContain('Baseline (gap analysis)');
    expect(firstRow).toContain('2.1');
    expect(await page.getByTestId('maturity-trend').getAttribute('aria-label')).toMatch(/^Overall maturity 2\.1 \(Baseline \(gap analysis\)\), then 2\.4 .*; target 4\.5\.$/);
    expect(await page.getByRole('meter', { name: '4 Context of the organization' }).count()).toBe(1);
    await screenshot(page, 'assessment-maturity');

    // Readiness: blockers grouped by reason link to the result; what aims cannot check is said.
    await page.getByRole('tab', { name: 'Readiness' }).click();
    await page.getByRole('heading', { name: /^What still blocks certification/ }).waitFor();
    await page.getByTestId('readiness-checks').waitFor();
    // The demo organisation has no approved Statement of Applicability yet: readiness says so.
    await expect.poll(() => page.getByTestId('check-soa_approved').getAttribute('data-ok')).toBe('false');
    await screenshot(page, 'assessment-readiness');
    await page.getByTestId('blockers-missing_documented_information').getByRole('link', { name: /^6\.1\.4 / }).click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Requirement' }).waitFor();
    expect(params(page).get('item')).toBe('6.1.4');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Take a snapshot and compare it with the baseline.
    await page.getByRole('tab', { name: 'Snapshots' }).click();
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    const modal = page.getByRole('dialog', { name: 'Take snapshot' });
    await modal.getByRole('textbox', { name: 'Label' }).fill('Before the mock audit');
    await modal.getByRole('button', { name: 'Take snapshot' }).click();
    await modal.waitFor({ state: 'hidden' });
    const snapshots = page.getByRole('table', { name: 'Snapshots' });
    await snapshots.getByRole('row', { name: /Before the mock audit/ }).waitFor();
    await snapshots.getByRole('button', { name: 'Compare Baseline (gap analysis) with the current results' }).click();
    await choose(page, page.getByRole('region', { name: 'Compare' }), 'To', /^Before the mock audit/);
    const summary = page.getByTestId('comparison-summary');
    await page.getByTestId('comparison').getByText('to Before the mock audit').waitFor();
    const counts = (await summary.textContent()) ?? '';
    expect(counts).toMatch(/^[1-9]\d* improved0 worsened[1-9]\d* changed$/);
    const changes = page.getByRole('table', { name: 'Changes' });
    const edited = changes.locator('tr[data-item-id="4.1"]');
    expect(await edited.count()).toBeGreaterThan(0);
    expect(await changes.textContent()).toContain('Partially compliantCompliant');
    await screenshot(page, 'assessment-snapshots');
    expect(problems).toEqual([]);
  });

  it('an external auditor sees everything read-only and a forged change is refused', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'external_auditor@northwind.example');
    await openDemoAssessment(page);
    await row(page, '6.1.4').getByRole('button').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('result-read-only').waitFor();
    expect(await drawer.getByRole('button', { name: 'Save result' }).count()).toBe(0);
    expect(await drawer.getByRole('combobox').count()).toBe(0);
    await screenshot(page, 'assessment-auditor', { fullPage: false });
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Snapshots' }).click();
    await page.getByRole('table', { name: 'Snapshots' }).waitFor();
    expect(await page.getByRole('button', { name: 'Take snapshot' }).count()).toBe(0);

    const list = (await apiFromPage(page, 'GET', '/api/assessments')).body as { items: Array<{ id: string }> };
    const id = list.items[0]!.id;
    const detail = (await apiFromPage(page, 'GET', `/api/assessments/${id}`)).body as { results: Array<{ id: string; version: number }> };
    const target = detail.results[0]!;
    const forged = await apiFromPage(page, 'PATCH', `/api/assessments/${id}/results/${target.id}`, { version: target.version, result: 'compliant' });
    expect(forged.status).toBe(403);
    expect(problems).toEqual([]);
  });

  it('an employee is not allowed to see the assessments', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'employee@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Gap assessments' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('assessments.read');
    expect(await page.getByRole('table').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const { page, problems } = await aims.openPage({ width: 390, height: 844 });
    await signIn(page, 'compliance_officer@northwind.example');
    const list = (await apiFromPage(page, 'GET', '/api/assessments')).body as { items: Array<{ id: string }> };
    await page.goto(`/assessments/${list.items[0]!.id}?tab=maturity`);
    await page.getByRole('table', { name: 'Maturity history' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'assessment-phone');
    expect(problems).toEqual([]);
  });
});
