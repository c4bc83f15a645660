import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, startAims, type Aims } from './support/aims.ts';
import { fillLogin, signIn, signOut } from './support/journeys.ts';

let aims: Aims;
beforeAll(async () => {
  aims = await startAims();
});
afterEach(async () => aims.closePages());
afterAll(async () => aims?.close());

describe('signing in and the application shell', () => {
  it('refuses a wrong password with a clear message', async () => {
    const { page, problems } = await aims.openPage();
    await page.goto('/login');
    await fillLogin(page, 'employee@northwind.example', 'not-the-right-password');
    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is wrong.');
    await screenshot(page, 'login-error');
    expect(page.url()).toContain('/login');
    expect(problems).toEqual([]);
  });

  it('shows the administrator the dashboard with real counts, then signs out', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    expect(await page.getByTestId('organisation-name').textContent()).toBe('Northwind Lending');
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    // The demo seeds one user per role: ten people, all active.
    const people = page.getByRole('region', { name: 'People' });
    await people.getByText('10', { exact: true }).first().waitFor();
    await page.getByText('Create, import, change, deactivate and reactivate users; assign roles; set passwords').waitFor();
    await screenshot(page, 'dashboard');
    await signOut(page);
    // Signed out means signed out: a protected page sends back to the login form.
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Sign in to aims' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('returns to the page asked for after signing in', async () => {
    const { page } = await aims.openPage();
    await page.goto('/admin/roles');
    await page.getByRole('heading', { name: 'Sign in to aims' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/roles');
    await fillLogin(page, 'compliance_officer@northwind.example', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Roles & permissions' }).waitFor();
    await page.getByRole('table', { name: 'Permission matrix' }).getByText('identity.users.manage', { exact: true }).waitFor();
    await screenshot(page, 'roles');
  });

  it('sends a person whose session ended back to the login page, then back where they were', async () => {
    const { page, context } = await aims.openPage();
    await signIn(page, 'admin@northwind.example');
    await context.clearCookies();
    await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await page.getByText('Your session has ended.').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/users');
    await fillLogin(page, 'admin@northwind.example', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  });

  it('says plainly that an unbuilt capability is not available yet', async () => {
    const { page, problems } = await aims.openPage();
    await signIn(page, 'model_owner@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: /Maturity & readiness/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Maturity & readiness' }).waitFor();
    await page.getByText('This capability is not available yet in this version of aims.').waitFor();
    expect(await page.getByRole('main').textContent()).toContain('blocks certification');
    expect(problems).toEqual([]);
  });

  it('collapses the navigation behind a burger on a small screen', async () => {
    const { page } = await aims.openPage({ width: 390, height: 844 });
    await signIn(page, 'employee@northwind.example');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const burger = page.getByRole('button', { name: 'Navigation menu' });
    // Collapsed: moved off-screen and out of the Tab order.
    const box = await nav.boundingBox();
    expect(box !== null && box.x + box.width <= 0).toBe(true);
    expect(await nav.getAttribute('inert')).not.toBeNull();
    await screenshot(page, 'mobile-dashboard');
    await burger.click();
    await page.waitForFunction(() => !document.getElementById('main-navigation')?.hasAttribute('inert'));
    await nav.getByRole('link', { name: 'Your profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    // Choosing a page closes the menu again.
    await page.waitForFunction(() => document.querySelector('[aria-label="Navigation menu"]')?.getAttribute('aria-expanded') === 'false');
  });

  it('offers single sign-on only when the server says it is enabled', async () => {
    const { page } = await aims.openPage();
    const ssoAnswered = page.waitForResponse((response) => response.url().endsWith('/api/auth/sso'));
    await page.goto('/login');
    await ssoAnswered;
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // This server has no identity provider configured (or no SSO endpoint yet): no button.
    expect(await page.getByRole('link', { name: /single sign-on|SSO/i }).count()).toBe(0);

    const other = await aims.openPage();
    await other.page.route('**/api/auth/sso', (route) =>
      route.fulfill({ json: { enabled: true, label: 'Sign in with Northwind SSO', startUrl: '/api/auth/sso/start' } }),
    );
    await other.page.goto('/login');
    const sso = other.page.getByRole('link', { name: 'Sign in with Northwind SSO' });
    await sso.waitFor();
    expect(await sso.getAttribute('href')).toBe('/api/auth/sso/start');
  });

  it('works with the keyboard alone', async () => {
    const { page } = await aims.openPage();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email', exact: true }).waitFor();
    // The email field has focus on arrival; Tab reaches the password, Enter submits.
    await page.keyboard.type('employee@northwind.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Emma Employee' }).waitFor();

    // The first Tab offers to skip the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    await page.getByRole('button', { name: /^Account menu of / }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Your profile' }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Your profile');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    // After a navigation, focus lands on the new page's content.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });
});

describe('login rate limiting', () => {
  it('tells the person to wait when there were too many attempts', async () => {
    const strict = await startAims({ loginRateLimitPerMinute: 2 });
    try {
      const { page } = await strict.openPage();
      await page.goto('/login');
      for (let attempt = 0; attempt < 3; attempt++) await fillLogin(page, 'admin@northwind.example', `wrong-password-${attempt}`);
      const alert = page.getByRole('alert').filter({ hasText: 'Too many sign-in attempts.' });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/try again in \d+ s/);
    } finally {
      await strict.close();
    }
  });
});
