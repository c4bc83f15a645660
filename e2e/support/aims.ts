import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createServer } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-db.ts';

export const DEMO_PASSWORD = 'e2e-demo-password-0042';
export const SHOTS_DIR = '/tmp/aims-shots';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors (a CSP violation shows up here), for a final check. */
  problems: string[];
}

export interface Aims {
  baseUrl: string;
  /** A page in a fresh browser context (no cookies shared with other tests). */
  openPage(viewport?: { width: number; height: number }): Promise<OpenedPage>;
  /** Closes the contexts opened since the last call; call it after each test. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real aims server, in-process, on a fresh database seeded with the demo organisation, plus
 * a headless Chromium to drive it. Login rate limiting is relaxed unless asked for: a journey
 * signs in many times.
 */
export async function startAims(options: { loginRateLimitPerMinute?: number } = {}): Promise<Aims> {
  const database: TestDatabase = await createTestDatabase();
  await seedDemo(database.db, { password: DEMO_PASSWORD });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-e2e-'));
  const config = { ...loadConfig({ dataDir }, {}), loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 1000 };
  const app: FastifyInstance = await createServer(config, database, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let contexts: BrowserContext[] = [];

  return {
    baseUrl,
    async openPage(viewport = { width: 1366, height: 900 }) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // A refused API call logs "Failed to load resource"; the tests provoke those on purpose.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
      });
      return { page, context, problems };
    },
    async closePages() {
      await Promise.all(contexts.map((context) => context.close()));
      contexts = [];
    },
    async close() {
      await browser.close();
      await app.close();
      await database.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The whole page by default; `fullPage: false` for what the viewport shows, e.g. a panel fixed
 * over the page. Transitions are finished first so a dialog is not caught half-way in.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: options.fullPage ?? true, animations: 'disabled' });
}
