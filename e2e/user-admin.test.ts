import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startAims, type Aims } from './support/aims.ts';
import { apiFromPage, signIn, signOut } from './support/journeys.ts';

let aims: Aims;
beforeAll(async () => {
  aims = await startAims();
});
afterEach(async () => aims.closePages());
afterAll(async () => aims?.close());

async function openUsers(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  await page.getByRole('table', { name: 'Users' }).waitFor();
}

/** Searches and waits for the server's filtered answer, not the previous page still on screen. */
async function search(page: Page, text: string, expectedRow: string): Promise<void> {
  const answered = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/users' && url.searchParams.get('q') === text;
  });
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
  await answered;
  await page.getByRole('row').filter({ hasText: expectedRow }).first().waitFor();
}

async function chooseRole(page: Page, dialogName: string, role: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByRole('combobox', { name: 'Roles' }).click();
  await page.getByRole('option', { name: role, exact: true }).click();
  // Clicking the dialog's title closes the list without closing the dialog (Escape would do both).
  await dialog.getByRole('heading', { name: dialogName }).click();
}

describe('user administration', () => {
  it('an administrator creates an employee, who signs in and is refused user administration', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    await openUsers(page);
    await screenshot(page, 'users');

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('nora.new@northwind.example');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Nora New');
    await dialog.getByRole('textbox', { name: 'Department' }).fill('Operations');
    await chooseRole(page, 'New user', 'Employee');
    await dialog.getByRole('textbox', { name: 'Initial password' }).fill('nora-initial-password-1');
    await screenshot(page, 'create-user');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Nora New can sign in now.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await search(page, 'nora', 'nora.new@northwind.example');
    expect(await page.getByRole('row').filter({ hasText: 'Nora New' }).textContent()).toContain('Employee');
    await signOut(page);

    await signIn(page, 'nora.new@northwind.example', 'nora-initial-password-1');
    await page.getByRole('heading', { name: 'Welcome, Nora New' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.goto('/admin/users');
    const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('identity.users.read');
    expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);
    // The server decides, whatever the page shows: a forged call from the page is refused.
    const forged = await apiFromPage(page, 'POST', '/api/users', { email: 'x@northwind.example', name: 'X', roles: [{ role: 'admin' }] });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(problems).toEqual([]);
  });

  it('an external auditor sees the users read-only', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'external_auditor@northwind.example');
    await openUsers(page);
    expect(await page.getByRole('row').filter({ hasText: 'admin@northwind.example' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import CSV' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Actions for / }).count()).toBe(0);
    const forged = await apiFromPage(page, 'POST', '/api/users', { email: 'y@northwind.example', name: 'Y', roles: [{ role: 'employee' }] });
    expect(forged.status).toBe(403);
    expect(problems).toEqual([]);
  });

  it('requires an end date for an external auditor and shows it in the list', async () => {
    const { page } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    await openUsers(page);
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('auditor@firm.example');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Otto Outside');
    await chooseRole(page, 'New user', 'External auditor');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('External auditors need an end date for their access.').waitFor();
    await dialog.getByLabel('External auditor access ends on').fill('2031-06-30');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await search(page, 'otto', 'Otto Outside');
    expect(await page.getByRole('row').filter({ hasText: 'Otto Outside' }).textContent()).toMatch(/External auditor\s*until .*2031/);
  });

  it('imports users from CSV after a dry run that lists every bad row', async () => {
    const { page } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    await openUsers(page);
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import users from CSV' });
    const csv = dialog.getByRole('textbox', { name: 'CSV content' });
    await csv.fill('email,name,department,roles\nimp.one@northwind.example,Imp One,Risk,risk_manager\nnot-an-email,Imp Two,Risk,wizard\n');
    await dialog.getByRole('button', { name: 'Check file' }).click();
    const problems = dialog.getByRole('table', { name: 'Rows with problems' });
    await problems.waitFor();
    // Two problems on the second data row: the email and the role.
    expect(await problems.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'import-dry-run');
    expect(await dialog.getByRole('button', { name: /^Import \d+ user/ }).count()).toBe(0);

    await csv.fill('email,name,department,roles\nimp.one@northwind.example,Imp One,Risk,risk_manager\nimp.two@northwind.example,Imp Two,Risk,dpo;employee\n');
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByText('All 2 rows are valid.').waitFor();
    await dialog.getByRole('button', { name: 'Import 2 users' }).click();
    await dialog.getByText('2 users created.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await search(page, 'imp.', 'imp.two@northwind.example');
    expect(await page.getByRole('row').filter({ hasText: 'imp.' }).count()).toBe(2);
  });

  it('tells the editor when someone else changed the user, and lets them reload', async () => {
    const { page } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    await openUsers(page);
    await search(page, 'Emma', 'Emma Employee');
    await page.getByRole('button', { name: 'Actions for Emma Employee' }).click();
    await page.getByRole('menuitem', { name: 'Edit name, department and roles' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Emma Employee' });
    await dialog.getByRole('textbox', { name: 'Department' }).fill('Support');

    // Meanwhile, someone else saves the same user.
    const list = (await apiFromPage(page, 'GET', '/api/users?q=emma')).body as { items: Array<{ id: string; version: number }> };
    const emma = list.items[0]!;
    const other = await apiFromPage(page, 'PATCH', `/api/users/${emma.id}`, { version: emma.version, department: 'Collections' });
    expect(other.status).toBe(200);

    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('This user was changed by someone else').waitFor();
    await dialog.getByRole('button', { name: 'Reload this user' }).click();
    await page.waitForFunction(() => (document.querySelector('[role="dialog"] input[value="Collections"]') as HTMLInputElement | null) !== null);
    await dialog.getByRole('textbox', { name: 'Department' }).fill('Support');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: 'Emma Employee' }).filter({ hasText: 'Support' }).waitFor();
  });

  it('deactivates and reactivates a user after confirmation', async () => {
    const { page } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    await openUsers(page);
    await search(page, 'Remy', 'Remy Reviewer');
    const row = page.getByRole('row').filter({ hasText: 'Remy Reviewer' });
    await page.getByRole('button', { name: 'Actions for Remy Reviewer' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await page.getByRole('dialog', { name: 'Deactivate Remy Reviewer?' }).getByRole('button', { name: 'Deactivate' }).click();
    await row.filter({ hasText: 'deactivated' }).waitFor();
    await page.getByRole('button', { name: 'Actions for Remy Reviewer' }).click();
    await page.getByRole('menuitem', { name: 'Reactivate' }).click();
    await page.getByRole('dialog', { name: 'Reactivate Remy Reviewer?' }).getByRole('button', { name: 'Reactivate' }).click();
    await row.filter({ hasText: 'active' }).filter({ hasNotText: 'deactivated' }).waitFor();
  });

  it('generates a temporary password, shown once, that works for signing in', async () => {
    const { page } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    await openUsers(page);
    await search(page, 'Dana', 'Dana Privacy');
    await page.getByRole('button', { name: 'Actions for Dana Privacy' }).click();
    await page.getByRole('menuitem', { name: 'Set or generate password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Password of Dana Privacy' });
    await dialog.getByRole('button', { name: 'Generate password' }).click();
    const secret = (await dialog.getByTestId('secret-value').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(12);
    await dialog.getByText('This password is shown only once.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const other = await aims.openPage();
    await signIn(other.page, 'dpo@northwind.example', secret);
    await other.page.getByRole('heading', { name: 'Welcome, Dana Privacy' }).waitFor();
  });

  it('pages, sorts and filters the list on the server', async () => {
    const { page } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    const rows = Array.from({ length: 25 }, (_, i) => `bulk${String(i).padStart(2, '0')}@northwind.example,Bulk ${i},Bulk,employee`);
    const imported = await apiFromPage(page, 'POST', '/api/users/import', { csv: ['email,name,department,roles', ...rows].join('\n'), dryRun: false });
    expect(imported.status).toBe(200);
    const total = ((await apiFromPage(page, 'GET', '/api/users?limit=1')).body as { total: number }).total;
    expect(total).toBeGreaterThan(30);

    await openUsers(page);
    await page.getByText(`Showing 1–20 of ${total}`).waitFor();
    expect(await page.getByRole('table', { name: 'Users' }).getByRole('row').count()).toBe(21);
    await page.getByRole('button', { name: 'Page 2' }).click();
    await page.getByText(`Showing 21–${Math.min(40, total)} of ${total}`).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');

    // Sorting goes back to page 1 and is announced on the column header.
    await page.getByRole('button', { name: /^Email/ }).click();
    await page.getByText(`Showing 1–20 of ${total}`).waitFor();
    await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]')?.textContent?.startsWith('Email'));
    expect(await page.getByRole('row').nth(1).textContent()).toContain('admin@northwind.example');
    await page.getByRole('button', { name: /^Email/ }).click();
    await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]')?.textContent?.startsWith('Email'));

    // Other tests of this file add people; the server's own count is the reference.
    const auditors = ((await apiFromPage(page, 'GET', '/api/users?limit=1&role=internal_auditor')).body as { total: number }).total;
    await page.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'Internal auditor', exact: true }).click();
    await page.getByText(`Showing 1–${auditors} of ${auditors}`).waitFor();
    expect(await page.getByRole('table', { name: 'Users' }).textContent()).toContain('Ines Audit');
    expect(await page.getByRole('table', { name: 'Users' }).textContent()).not.toContain('Rhea Risk');

    await page.getByRole('searchbox', { name: 'Search' }).fill('nobody-has-this-name');
    await page.getByText('No user matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByText(`Showing 1–20 of ${total}`).waitFor();
  });
});
