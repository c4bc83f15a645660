/**
 * The loader against small fixtures in a temporary folder: what it accepts, and how it reports
 * what it refuses (file, path inside the file, reason, all at once).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { CatalogueError, loadCatalogues, parseCustomFramework, type CatalogueIssue } from './catalogue-loader.ts';

const alpha = `
id: alpha
name: Alpha Standard
shortName: Alpha
version: "1"
kind: standard
publisher: Test
items:
  - id: "1"
    type: clause
    parent: null
    title: One
    assessable: false
    summary: Groups the first requirements.
  - id: "1.1"
    type: subclause
    parent: "1"
    title: One point one
    assessable: true
    mandatoryDocumentedInformation: A record
    summary: Do the first thing.
    guidance: Do it well.
    evidence: [A record]
    questions: [Did you do it?]
  - id: "1.2"
    type: subclause
    parent: "1"
    title: One point two
    assessable: true
    summary: Do the second thing.
    guidance: Do it carefully.
    evidence: [Another record]
    questions: [How?]
`;

const beta = `
id: beta
name: Beta Regulation
shortName: Beta
version: "2024"
kind: regulation
publisher: Test
items:
  - id: Art. 9
    type: article
    title: Risk management
    assessable: true
    summary: Manage risks.
    guidance: Keep a register.
    evidence: [Register]
    questions: [Where is it?]
`;

const crosswalk = (mappings: string) => `
from: alpha
to: beta
basis: own_analysis
note: Test only.
mappings:
${mappings}`;

const mapping = (from: string, to: string) => `
  - from: "${from}"
    to: "${to}"
    relationship: intersect
    strength: strong
    rationale: Both ask for risk work.`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** Writes `{ 'frameworks/a.yaml': text, ... }` into a fresh content folder. */
function content(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aims-catalogue-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'frameworks'));
  mkdirSync(join(dir, 'crosswalks'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function issuesOf(load: () => unknown): readonly CatalogueIssue[] {
  try {
    load();
  } catch (error) {
    if (error instanceof CatalogueError) return error.issues;
    throw error;
  }
  throw new Error('expected a CatalogueError');
}

function messageOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof CatalogueError) return error.message;
    throw error;
  }
  throw new Error('expected a CatalogueError');
}

describe('loadCatalogues', () => {
  it('loads valid frameworks and crosswalks and indexes them', () => {
    const dir = content({
      'frameworks/alpha.yaml': alpha,
      'frameworks/beta.yaml': beta,
      'crosswalks/alpha--beta.yaml': crosswalk(mapping('1.1', 'Art. 9') + mapping('1.2', 'Art. 9')),
    });
    const catalogues = loadCatalogues(dir);
    expect([...catalogues.frameworks.keys()]).toEqual(['alpha', 'beta']);
    expect(catalogues.item('alpha', '1')).toMatchObject({ parent: null, mandatoryDocumentedInformation: null });
    expect(catalogues.item('beta', 'Art. 9')?.parent).toBeNull();
    expect(catalogues.children('alpha', null).map((item) => item.id)).toEqual(['1']);
    expect(catalogues.children('alpha', '1').map((item) => item.id)).toEqual(['1.1', '1.2']);
    expect(catalogues.mappingsFrom('alpha', '1.1')).toEqual([
      {
        fromFramework: 'alpha',
        fromItem: '1.1',
        toFramework: 'beta',
        toItem: 'Art. 9',
        relationship: 'intersect',
        strength: 'strong',
        rationale: 'Both ask for risk work.',
        basis: 'own_analysis',
      },
    ]);
    expect(catalogues.mappingsTo('beta', 'Art. 9').map((link) => link.fromItem)).toEqual(['1.1', '1.2']);
    expect(catalogues.mappingsFrom('beta', 'Art. 9')).toEqual([]);
    expect(catalogues.crosswalks).toHaveLength(1);
    // Folders other than the default are read afresh on every call.
    expect(loadCatalogues(dir)).not.toBe(catalogues);
  });

  it('accepts a content folder without crosswalks', () => {
    const dir = content({ 'frameworks/alpha.yaml': alpha });
    rmSync(join(dir, 'crosswalks'), { recursive: true });
    expect(loadCatalogues(dir).crosswalks).toEqual([]);
  });

  it('reports schema violations with file, path, line and reason', () => {
    const broken = alpha
      .replace('    summary: Do the second thing.\n', '')
      .replace('    guidance: Do it well.\n', '')
      .replace('type: clause', 'type: chapter')
      .replace('kind: standard', 'kind: standard\nwebsite: https://example.org');
    const issues = issuesOf(() => loadCatalogues(content({ 'frameworks/alpha.yaml': broken })));
    expect(issues.map(({ file, path, reason }) => ({ file, path, reason }))).toEqual(
      expect.arrayContaining([
        { file: 'frameworks/alpha.yaml', path: 'website', reason: 'is not a known field' },
        { file: 'frameworks/alpha.yaml', path: 'items[0].type', reason: expect.stringContaining('"clause"') },
        { file: 'frameworks/alpha.yaml', path: 'items[1].guidance', reason: 'is required when assessable is true' },
        { file: 'frameworks/alpha.yaml', path: 'items[2].summary', reason: 'is required' },
      ]),
    );
    expect(issues).toHaveLength(4);
    expect(issues.find((issue) => issue.path === 'website')?.line).toBe(7);
  });

  it('refuses unquoted numeric identifiers with a hint', () => {
    const issues = issuesOf(() => loadCatalogues(content({ 'frameworks/alpha.yaml': alpha.replace('id: "1.2"', 'id: 1.2') })));
    expect(issues).toEqual([expect.objectContaining({ path: 'items[2].id', reason: expect.stringContaining('quote') })]);
  });

  it('reports an unknown parent', () => {
    const dir = content({ 'frameworks/alpha.yaml': alpha.replace('parent: "1"\n    title: One point two', 'parent: "9"\n    title: One point two') });
    const message = messageOf(() => loadCatalogues(dir));
    expect(message).toContain('frameworks/alpha.yaml: items[2].parent (line ');
    expect(message).toContain('unknown parent "9": no item with this id in framework "alpha"');
  });

  it('reports a parent chain that loops', () => {
    const looping = alpha.replace('parent: null', 'parent: "1.1"');
    const issues = issuesOf(() => loadCatalogues(content({ 'frameworks/alpha.yaml': looping })));
    expect(issues.map((issue) => issue.path).sort()).toEqual(['items[0].parent', 'items[1].parent']);
    expect(issues[0]?.reason).toContain('loops back');
  });

  it('reports duplicate item ids and duplicate framework ids', () => {
    const dir = content({
      'frameworks/alpha.yaml': alpha.replace('id: "1.2"', 'id: "1.1"'),
      'frameworks/beta.yaml': beta,
      'frameworks/beta-copy.yaml': beta,
    });
    const issues = issuesOf(() => loadCatalogues(dir));
    expect(issues).toEqual([
      expect.objectContaining({ file: 'frameworks/alpha.yaml', path: 'items[2].id', reason: 'duplicate id "1.1" (first used at items[1])' }),
      expect.objectContaining({ file: 'frameworks/beta.yaml', path: 'id', reason: expect.stringContaining('duplicate framework id "beta"') }),
    ]);
  });

  it('reports crosswalk mappings to unknown items and unknown frameworks', () => {
    const dir = content({
      'frameworks/alpha.yaml': alpha,
      'frameworks/beta.yaml': beta,
      'crosswalks/alpha--beta.yaml': crosswalk(mapping('1.1', 'Art. 10') + mapping('7', 'Art. 9')),
      'crosswalks/alpha--gamma.yaml': crosswalk(mapping('1.1', 'x')).replace('to: beta', 'to: gamma'),
    });
    const issues = issuesOf(() => loadCatalogues(dir));
    expect(issues.map(({ file, path, reason }) => ({ file, path, reason }))).toEqual([
      { file: 'crosswalks/alpha--beta.yaml', path: 'mappings[0].to', reason: 'no item "Art. 10" in framework "beta"' },
      { file: 'crosswalks/alpha--beta.yaml', path: 'mappings[1].from', reason: 'no item "7" in framework "alpha"' },
      { file: 'crosswalks/alpha--gamma.yaml', path: 'to', reason: 'unknown framework "gamma"' },
    ]);
  });

  it('reports a duplicate mapping', () => {
    const dir = content({
      'frameworks/alpha.yaml': alpha,
      'frameworks/beta.yaml': beta,
      'crosswalks/alpha--beta.yaml': crosswalk(mapping('1.1', 'Art. 9') + mapping('1.2', 'Art. 9') + mapping('1.1', 'Art. 9')),
    });
    const message = messageOf(() => loadCatalogues(dir));
    expect(message).toContain('crosswalks/alpha--beta.yaml: mappings[2] (line ');
    expect(message).toContain('duplicate mapping "1.1" -> "Art. 9" (first at mappings[0])');
  });

  it('requires crosswalk file names to match their frameworks', () => {
    const dir = content({
      'frameworks/alpha.yaml': alpha,
      'frameworks/beta.yaml': beta,
      'crosswalks/alpha-to-beta.yaml': crosswalk(mapping('1.1', 'Art. 9')),
    });
    expect(issuesOf(() => loadCatalogues(dir))).toEqual([
      { file: 'crosswalks/alpha-to-beta.yaml', path: '', reason: 'file name must be "alpha--beta.yaml" (from--to)' },
    ]);
  });

  it('collects problems from every file and throws them together', () => {
    const dir = content({
      'frameworks/alpha.yaml': alpha.replace('    title: One\n', ''),
      'frameworks/beta.yaml': beta.replace('kind: regulation', 'kind: law'),
      'frameworks/broken.yaml': 'id: broken\nitems: [\n',
      'crosswalks/alpha--beta.yaml': crosswalk(mapping('1.1', 'Art. 9')).replace('strength: strong', 'strength: total'),
    });
    const issues = issuesOf(() => loadCatalogues(dir));
    expect(issues.map((issue) => `${issue.file} ${issue.path}`)).toEqual([
      'frameworks/alpha.yaml items[0].title',
      'frameworks/beta.yaml kind',
      'frameworks/broken.yaml ',
      'crosswalks/alpha--beta.yaml mappings[0].strength',
    ]);
    expect(issues[2]?.reason).toMatch(/^not valid YAML/);
    expect(issues[2]?.line).toBeGreaterThan(0);
  });

  it('does not repeat a broken framework as "unknown" in crosswalks', () => {
    const dir = content({
      'frameworks/alpha.yaml': alpha,
      'frameworks/beta.yaml': beta.replace('    summary: Manage risks.\n', ''),
      'crosswalks/alpha--beta.yaml': crosswalk(mapping('1.1', 'Art. 9')),
    });
    expect(issuesOf(() => loadCatalogues(dir)).map((issue) => issue.file)).toEqual(['frameworks/beta.yaml']);
  });

  it('reports a missing frameworks folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aims-catalogue-'));
    dirs.push(dir);
    expect(issuesOf(() => loadCatalogues(dir))).toEqual([expect.objectContaining({ file: 'frameworks/', reason: expect.stringContaining('folder not found') })]);
  });
});

describe('parseCustomFramework', () => {
  const custom = alpha.replace('id: alpha', 'id: acme-ai-controls').replace('kind: standard', 'kind: custom');

  it('accepts a valid custom framework', () => {
    const framework = parseCustomFramework(custom, 'acme.yaml');
    expect(framework).toMatchObject({ id: 'acme-ai-controls', kind: 'custom' });
    expect(framework.items.map((item) => [item.id, item.parent])).toEqual([
      ['1', null],
      ['1.1', '1'],
      ['1.2', '1'],
    ]);
    expect(Object.isFrozen(framework.items[0])).toBe(true);
  });

  it('refuses a framework that is not of kind custom', () => {
    const issues = issuesOf(() => parseCustomFramework(alpha, 'alpha.yaml'));
    expect(issues).toEqual([expect.objectContaining({ file: 'alpha.yaml', path: 'kind', reason: expect.stringContaining('must be "custom"') })]);
  });

  it('refuses an id already in use', () => {
    const issues = issuesOf(() => parseCustomFramework(custom, 'acme.yaml', { reservedIds: ['iso42001', 'acme-ai-controls'] }));
    expect(issues).toEqual([expect.objectContaining({ path: 'id', reason: expect.stringContaining('already in use') })]);
  });

  it('refuses invalid YAML, schema violations and broken structure, naming the uploaded file', () => {
    expect(issuesOf(() => parseCustomFramework('id: [', 'upload.yaml'))[0]).toMatchObject({ file: 'upload.yaml', path: '' });
    expect(issuesOf(() => parseCustomFramework('just text', 'upload.yaml'))[0]?.reason).toContain('expected object');
    expect(issuesOf(() => parseCustomFramework(custom.replace('id: acme-ai-controls', 'id: Acme AI'), 'upload.yaml'))[0]).toMatchObject({
      path: 'id',
      reason: expect.stringContaining('lowercase slug'),
    });
    expect(issuesOf(() => parseCustomFramework(custom.replace('parent: "1"', 'parent: "2"'), 'upload.yaml'))[0]).toMatchObject({
      path: 'items[1].parent',
    });
    expect(issuesOf(() => parseCustomFramework(custom.replace('id: "1.2"', 'id: "1.1"'), 'upload.yaml'))[0]).toMatchObject({
      path: 'items[2].id',
    });
    expect(issuesOf(() => parseCustomFramework('a: 1\na: 2\n', 'upload.yaml'))[0]?.reason).toMatch(/^not valid YAML/);
  });

  it('is a validation error that the HTTP layer turns into a 400', () => {
    try {
      parseCustomFramework(alpha, 'alpha.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'validation_failed', status: 400 });
      expect((error as AppError).details).toEqual({ issues: (error as CatalogueError).issues });
    }
  });

  it('refuses alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    expect(issuesOf(() => parseCustomFramework(bomb, 'bomb.yaml'))[0]?.reason).toMatch(/^not valid YAML/);
  });
});
