import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startAims, type Aims } from './support/aims.ts';
import { signIn } from './support/journeys.ts';

let aims: Aims;
beforeAll(async () => {
  aims = await startAims();
});
afterEach(async () => aims.closePages());
afterAll(async () => aims?.close());

describe('profile and API tokens', () => {
  it('creates a read-only token whose secret is shown once and works, then revokes it', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'model_owner@northwind.example');
    await page.getByRole('button', { name: /^Account menu of / }).click();
    await page.getByRole('menuitem', { name: 'Your profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    expect(await page.getByRole('region', { name: 'Your roles' }).textContent()).toContain('Model owner');
    await page.getByText('No tokens yet').waitFor();

    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('CI fairness gate');
    await dialog.getByRole('radio', { name: 'Read only' }).check();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const created = page.getByRole('dialog', { name: 'Token created' });
    await created.getByText('This secret is shown only once.').waitFor();
    const secret = (await created.getByTestId('secret-value').textContent())?.trim() ?? '';
    await screenshot(page, 'token-secret');
    await created.getByRole('button', { name: 'I have stored it' }).click();

    // The secret shown is the real one: it authenticates against the API, read-only.
    const asToken = await fetch(`${aims.baseUrl}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(asToken.status).toBe(200);
    expect(((await asToken.json()) as { authMethod: string }).authMethod).toBe('token');

    const row = page.getByRole('row').filter({ hasText: 'CI fairness gate' });
    await row.filter({ hasText: 'Read only' }).filter({ hasText: 'active' }).waitFor();
    await screenshot(page, 'profile');
    await row.getByRole('button', { name: 'Revoke CI fairness gate' }).click();
    await page.getByRole('dialog', { name: 'Revoke "CI fairness gate"?' }).getByRole('button', { name: 'Revoke token' }).click();
    await row.filter({ hasText: 'revoked' }).waitFor();
    expect((await fetch(`${aims.baseUrl}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    expect(problems).toEqual([]);
  });

  it('offers exactly the person’s own permissions as specific scopes', async () => {
    const { page } = await aims.openPage();
    await signIn(page, 'employee@northwind.example');
    await page.goto('/profile');
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Reads my tokens');
    await dialog.getByRole('radio', { name: 'Specific permissions' }).check();
    await dialog.getByRole('combobox', { name: 'Permissions' }).click();
    const offered = await page.getByRole('option').allTextContents();
    const me = (await page.evaluate(async () => (await fetch('/api/me')).json())) as { permissions: string[] };
    expect(offered.sort()).toEqual([...me.permissions].sort());
    await page.getByRole('option', { name: 'identity.tokens.read_own' }).click();
    await dialog.getByRole('heading', { name: 'New API token' }).click();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('dialog', { name: 'Token created' }).getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('row').filter({ hasText: 'Reads my tokens' }).filter({ hasText: 'identity.tokens.read_own' }).waitFor();
  });

  it('offers no token creation to an external auditor', async () => {
    const { page } = await aims.openPage();
    await signIn(page, 'external_auditor@northwind.example');
    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByText('Your roles do not allow creating or revoking tokens.').waitFor();
    expect(await page.getByRole('button', { name: 'New token' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Your roles' }).textContent()).toMatch(/External auditor\s*until/);
  });
});
