import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtIndex = path.join(projectRoot, 'dist/web/index.html');
/** What the bundle is made of; a change in any of them makes dist/web stale. */
const SOURCES = ['src/web', 'src/platform/api-client', 'vite.config.ts', 'package.json'];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

function isStale(): boolean {
  if (!fs.existsSync(builtIndex)) return true;
  const builtAt = fs.statSync(builtIndex).mtimeMs;
  return SOURCES.some((source) => newestChange(path.join(projectRoot, source)) > builtAt);
}

/**
 * Vitest global setup: the server serves dist/web, so the browser tests need a bundle that
 * matches the sources. A missing or stale bundle is rebuilt once, before any test file starts.
 */
export default function buildWebIfNeeded(): void {
  if (!isStale()) return;
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:web failed with exit code ${result.status}`);
}
