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

const NOTICE = "Identifiers and short titles are those of the source; every other text is aims's own.";

const CUSTOM_FRAMEWORK = `id: northwind-model-risk
name: Northwind model risk standard
shortName: NW-MRS
version: "2026.1"
kind: custom
publisher: Northwind Lending
items:
  - id: "MRS-1"
    type: requirement
    title: Independent validation
    assessable: true
    summary: Every credit model is validated by a team that did not build it.
    guidance: Keep the validation report with the model version before approval.
    evidence: [Validation report]
    questions: [Who validated the current version?]
`;
/** The same file without the guidance an assessable item needs. */
const BROKEN_FRAMEWORK = CUSTOM_FRAMEWORK.replace(/ {4}guidance: .*\n/, '');

async function openCatalogue(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Framework catalogue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Framework catalogue' }).waitFor();
  await page.getByRole('tree').waitFor();
}

function treeItem(page: Page, id: string, title: string): Locator {
  return page.getByRole('tree').getByRole('treeitem', { name: `${id} ${title}`, exact: true });
}

function itemHeading(page: Page, text: string): Locator {
  return page.getByTestId('item-detail').getByRole('heading', { level: 2, name: text, exact: true });
}

function params(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** The id of the tree item that has the keyboard focus. */
async function focusedItem(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.itemId ?? null);
}

describe('framework catalogue', () => {
  it('a compliance officer opens ISO/IEC 42001 6.1.4 through the tree and follows its mapping to the EU AI Act', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'compliance_officer@northwind.example');

    // The rest of the capability is not built: its page says so and points to the catalogue.
    await page.getByRole('navigation').getByRole('link', { name: 'Gap assessment & SoA' }).click();
    await page.getByRole('status').filter({ hasText: 'Not available yet' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Framework catalogue' }).waitFor();
    await screenshot(page, 'catalogue-gap-assessment');
    await openCatalogue(page);

    expect(await page.getByRole('radio', { name: /^ISO 42001/ }).isChecked()).toBe(true);
    for (const name of [/^EU AI Act/, /^NIST AI RMF/, /^GDPR/]) expect(await page.getByRole('radio', { name }).count()).toBe(1);
    const summary = page.getByTestId('framework-summary');
    await summary.getByRole('heading', { name: 'ISO/IEC 42001:2023' }).waitFor();
    expect(await summary.textContent()).toContain('100 items · 70 assessable');
    expect(await page.getByTestId('framework-type-counts').textContent()).toContain('38 controls');
    expect(await page.getByTestId('framework-notice').textContent()).toBe(NOTICE);

    // Expanding everything shows all 38 Annex A controls.
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await page.locator('[role=treeitem][data-type=control]').count()).toBe(38);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    expect(await page.locator('[role=treeitem][data-type=control]').count()).toBe(0);

    // Down the tree with the mouse: a click opens an item and unfolds its branch.
    await treeItem(page, '6', 'Planning').click();
    await treeItem(page, '6.1', 'Actions to address risks and opportunities').click();
    await treeItem(page, '6.1.4', 'AI system impact assessment').click();
    await itemHeading(page, '6.1.4 AI system impact assessment').waitFor();
    expect(params(page).get('framework')).toBe('iso42001');
    expect(params(page).get('item')).toBe('6.1.4');
    expect(await treeItem(page, '6.1.4', 'AI system impact assessment').getAttribute('aria-selected')).toBe('true');
    const detail = page.getByTestId('item-detail');
    expect(await detail.getByTestId('mandatory-documented-information').textContent()).toContain('AI system impact assessment process and its results');
    const crumbs = detail.getByRole('navigation', { name: 'Where this item sits' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['ISO 42001', '6', '6.1']);
    for (const part of ['Summary', 'Guidance', 'Typical evidence', 'Auditor questions']) await detail.getByRole('heading', { name: part, exact: true }).waitFor();

    const toAiAct = detail.getByRole('region', { name: 'Mappings to EU AI Act' });
    const mapping = toAiAct.getByTestId('crosswalk-mapping').filter({ hasText: 'Fundamental rights impact assessment' });
    const mappingText = await mapping.textContent();
    expect(mappingText).toContain('Intersects');
    expect(mappingText).toContain('Strong');
    expect(mappingText).toContain('Basis: our own analysis');
    expect(mappingText).toContain('6.1.4 partly overlaps with EU AI Act 27.');
    await mapping.scrollIntoViewIfNeeded();
    await screenshot(page, 'catalogue-iso-6.1.4', { fullPage: false });

    // Following the mapping switches the framework and opens Article 27 there.
    await mapping.getByRole('link').click();
    await itemHeading(page, '27 Fundamental rights impact assessment for high-risk AI systems').waitFor();
    expect(params(page).get('framework')).toBe('eu-ai-act');
    expect(params(page).get('item')).toBe('27');
    expect(await page.getByRole('radio', { name: /^EU AI Act/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('framework-notice').textContent()).toBe(NOTICE);
    expect(await page.getByRole('tree', { name: 'EU AI Act items' }).getByRole('treeitem', { selected: true }).getAttribute('data-item-id')).toBe('27');
    // Seen from the Act, the same mapping comes back to ISO/IEC 42001 6.1.4.
    await page.getByTestId('item-detail').getByRole('region', { name: 'Mappings to ISO 42001' }).getByRole('link', { name: '6.1.4 AI system impact assessment' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'catalogue-ai-act-27');

    await page.goBack();
    await itemHeading(page, '6.1.4 AI system impact assessment').waitFor();
    expect(await page.getByRole('radio', { name: /^ISO 42001/ }).isChecked()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('moves through the tree with the keyboard', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'compliance_officer@northwind.example');
    await page.goto('/catalogue?framework=iso42001');
    await page.getByRole('tree').waitFor();
    // One item of the tree is in the Tab order: the first one until another is chosen.
    expect(await page.getByRole('tree').locator('[tabindex="0"]').count()).toBe(1);
    await treeItem(page, '4', 'Context of the organization').focus();
    await page.keyboard.press('End');
    expect(await focusedItem(page)).toBe('A.10');
    await page.keyboard.press('Home');
    expect(await focusedItem(page)).toBe('4');
    await page.keyboard.press('ArrowRight');
    expect(await treeItem(page, '4', 'Context of the organization').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await focusedItem(page)).toBe('4.1');
    await page.keyboard.press('ArrowDown');
    expect(await focusedItem(page)).toBe('4.2');
    await page.keyboard.press('Enter');
    await itemHeading(page, '4.2 Understanding the needs and expectations of interested parties').waitFor();
    expect(params(page).get('item')).toBe('4.2');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedItem(page)).toBe('4');
    await page.keyboard.press('ArrowLeft');
    expect(await treeItem(page, '4', 'Context of the organization').getAttribute('aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
  });

  it('searches every framework, filters and pages the hits, and opens one', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'compliance_officer@northwind.example');
    await openCatalogue(page);
    const box = page.getByRole('searchbox', { name: 'Search all frameworks' });

    await box.fill('A');
    await page.getByText('Type at least 2 characters.').waitFor();
    await box.fill('A.6.2');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    expect(params(page).get('q')).toBe('A.6.2');
    const expected = (await apiFromPage(page, 'GET', '/api/frameworks/search?q=A.6.2&limit=1')).body as { total: number };
    await page.getByText(`${expected.total} result${expected.total === 1 ? '' : 's'} for “A.6.2”`).waitFor();
    const first = results.getByTestId('search-hit').first();
    expect(await first.textContent()).toContain('matched in identifier');
    await screenshot(page, 'catalogue-search');

    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Control', exact: true }).click();
    await page.getByText('7 results for “A.6.2”').waitFor();
    expect(params(page).get('type')).toBe('control');
    await results.getByRole('link', { name: /^A\.6\.2\.4 / }).click();
    await itemHeading(page, 'A.6.2.4 AI system verification and validation').waitFor();
    expect(params(page).get('item')).toBe('A.6.2.4');
    expect(await results.getByRole('link', { name: /^A\.6\.2\.4 / }).getAttribute('aria-current')).toBe('true');

    // Many hits come a page at a time.
    await page.getByRole('button', { name: 'Clear search and show the tree' }).click();
    await page.getByRole('tree').waitFor();
    expect(params(page).get('q')).toBeNull();
    await box.fill('data');
    const total = ((await apiFromPage(page, 'GET', '/api/frameworks/search?q=data&limit=1')).body as { total: number }).total;
    expect(total).toBeGreaterThan(20);
    await page.getByText(`${total} results for “data” · showing 1–20`).waitFor();
    await page.getByRole('button', { name: 'Page 2' }).click();
    await page.getByText(`${total} results for “data” · showing 21–${Math.min(40, total)}`).waitFor();
    expect(params(page).get('page')).toBe('2');
    expect(problems).toEqual([]);
  });

  it('imports a custom framework after a check that lists every problem with its place', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'compliance_officer@northwind.example');
    await openCatalogue(page);
    await page.getByRole('button', { name: 'Import custom framework' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import custom framework' });
    expect(await dialog.getByTestId('import-example').textContent()).toContain('kind: custom');

    await dialog.getByRole('textbox', { name: 'Framework file' }).fill(BROKEN_FRAMEWORK);
    await dialog.getByRole('button', { name: 'Check' }).click();
    const issues = dialog.getByRole('table', { name: 'Problems in the file' });
    await issues.waitFor();
    const row = issues.getByRole('row').filter({ hasText: 'items[0].guidance' });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['items[0].guidance', '8', 'is required when assessable is true']);
    expect(await dialog.getByRole('button', { name: /^Import / }).count()).toBe(0);
    await screenshot(page, 'catalogue-import-problems', { fullPage: false });

    // The file picker reads the file into the box; a change asks for a new check.
    await dialog.locator('input[type=file]').setInputFiles({ name: 'nw-model-risk.yaml', mimeType: 'application/yaml', buffer: Buffer.from(CUSTOM_FRAMEWORK) });
    await page.waitForFunction(
      (expected) => (document.querySelector('[role=dialog] textarea') as HTMLTextAreaElement | null)?.value === expected,
      CUSTOM_FRAMEWORK,
    );
    expect(await issues.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Check' }).click();
    const ready = dialog.getByRole('status').filter({ hasText: 'Ready to import' });
    await ready.waitFor();
    expect(await ready.textContent()).toContain('1 item, 1 assessable');
    expect((await apiFromPage(page, 'GET', '/api/frameworks')).body).toMatchObject({ items: { length: 4 } });
    await dialog.getByRole('button', { name: 'Import NW-MRS' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Northwind model risk standard is in the catalogue.').waitFor();

    // The new framework is in the picker, chosen.
    await page.waitForFunction(() => new URL(location.href).searchParams.get('framework') === 'northwind-model-risk');
    expect(await page.getByRole('radio', { name: 'NW-MRS 1 item · 1 assessable · custom' }).isChecked()).toBe(true);
    await page.getByTestId('framework-summary').getByRole('heading', { name: 'Northwind model risk standard' }).waitFor();
    await treeItem(page, 'MRS-1', 'Independent validation').click();
    await itemHeading(page, 'MRS-1 Independent validation').waitFor();
    await page.getByTestId('item-detail').getByText('No crosswalk mapping links this item to another framework.').waitFor();
    await screenshot(page, 'catalogue-custom');
    const trail = (await apiFromPage(page, 'GET', '/api/ledger/entries?action=frameworks.custom.imported')).body as { total: number };
    expect(trail.total).toBe(1);
    expect(problems).toEqual([]);
  });

  it('an external auditor browses read-only', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'external_auditor@northwind.example');
    await page.goto(`/catalogue?framework=nist-ai-rmf&item=${encodeURIComponent('GOVERN 1.1')}`);
    await page.getByTestId('item-detail').getByRole('heading', { level: 2, name: /^GOVERN 1\.1 / }).waitFor();
    const crumbs = page.getByRole('navigation', { name: 'Where this item sits' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['NIST AI RMF', 'GOVERN', 'GOVERN 1']);
    expect(await page.getByRole('tree', { name: 'NIST AI RMF items' }).getByRole('treeitem', { selected: true }).getAttribute('data-item-id')).toBe('GOVERN 1.1');
    expect(await page.getByRole('button', { name: 'Import custom framework' }).count()).toBe(0);
    const forged = await apiFromPage(page, 'POST', '/api/frameworks/import', { source: CUSTOM_FRAMEWORK, dryRun: true });
    expect(forged.status).toBe(403);
    await screenshot(page, 'catalogue-auditor');
    expect(problems).toEqual([]);
  });

  it('an employee is not allowed to browse the catalogue', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'employee@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Framework catalogue' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('frameworks.read');
    expect(await page.getByRole('tree').count()).toBe(0);
    expect((await apiFromPage(page, 'GET', '/api/frameworks')).status).toBe(403);
    expect(problems).toEqual([]);
  });

  it('fits a phone screen, with the item over the whole screen', async () => {
    const { page, problems } = await aims.openPage({ width: 390, height: 844 });
    await signIn(page, 'compliance_officer@northwind.example');
    await page.goto('/catalogue?framework=iso42001');
    await page.getByRole('tree').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'catalogue-phone');
    // The arrow beside a branch opens it without opening the item over the screen.
    await treeItem(page, '5', 'Leadership').locator('.catalogue-tree-toggle').first().click();
    expect(params(page).get('item')).toBeNull();
    await treeItem(page, '5.2', 'AI policy').click();
    const drawer = page.getByRole('dialog', { name: '5.2' });
    await drawer.getByRole('heading', { level: 2, name: '5.2 AI policy' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'catalogue-phone-item', { fullPage: false });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(params(page).get('item')).toBeNull();
    expect(problems).toEqual([]);
  });
});
