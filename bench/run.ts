/**
 * `npm run bench`: every benchmark, each in its own process so that one does not warm or load
 * the other. `npm run bench -- http` or `-- ledger` runs one. Results are ratios against
 * baselines measured in the same run; these machines are shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const suites: Record<string, string> = { http: 'http.ts', ledger: 'ledger.ts' };
const chosen = process.argv.slice(2).filter((a) => a in suites);
const unknown = process.argv.slice(2).filter((a) => !(a in suites));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of chosen.length > 0 ? chosen : Object.keys(suites)) {
  console.log(`\n=== ${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, suites[name]!)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
