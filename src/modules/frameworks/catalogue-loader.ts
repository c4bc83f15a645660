/**
 * Loads the framework catalogues and crosswalks that aims ships (content/frameworks/*.yaml,
 * content/crosswalks/*.yaml), and users' custom frameworks. Every file is checked against the
 * schema and against the others; all problems are thrown together as one CatalogueError.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CatalogueError, type CatalogueIssue } from './catalogue-errors.ts';
import { buildCatalogues, toFramework, type Catalogues } from './catalogue-index.ts';
import { checkSchema, locatedIssue, readYaml } from './catalogue-parse.ts';
import { crosswalkFileSchema, frameworkFileSchema, type Framework } from './catalogue-schema.ts';
import {
  checkCrosswalks,
  checkFrameworkIds,
  checkFrameworkItems,
  type CrosswalkFile,
  type FrameworkFile,
  type Parsed,
} from './catalogue-validate.ts';

export { CatalogueError, formatIssue, type CatalogueIssue } from './catalogue-errors.ts';
export type { Catalogues, CrosswalkLink } from './catalogue-index.ts';
export type * from './catalogue-schema.ts';

/** The repository's content folder, wherever the process was started from. */
export const defaultContentDir = fileURLToPath(new URL('../../../content', import.meta.url));

let cachedDefault: Catalogues | undefined;

/**
 * Reads and checks every catalogue under `dir`. The shipped content does not change while aims
 * runs, so the default folder is read once per process; other folders (tests, tools) are read on
 * every call. A failed load is not cached, so a fixed file is picked up on the next call.
 */
export function loadCatalogues(dir: string = defaultContentDir): Catalogues {
  const isDefault = dir === defaultContentDir;
  if (isDefault && cachedDefault) return cachedDefault;
  const catalogues = readCatalogues(dir);
  if (isDefault) cachedDefault = catalogues;
  return catalogues;
}

function readCatalogues(dir: string): Catalogues {
  const issues: CatalogueIssue[] = [];
  const frameworks: Parsed<FrameworkFile>[] = [];
  const unreadable = new Set<string>();

  for (const file of yamlFiles(dir, 'frameworks', issues)) {
    const { raw, parsed } = parseFile(dir, file, frameworkFileSchema, issues);
    const itemIssues = parsed ? checkFrameworkItems(parsed) : [];
    issues.push(...itemIssues);
    if (parsed && itemIssues.length === 0) frameworks.push(parsed);
    // Remember the id of a broken file, so crosswalks to it are not also reported as unknown.
    else if (isRecord(raw) && typeof raw.id === 'string') unreadable.add(raw.id);
  }
  issues.push(...checkFrameworkIds(frameworks));

  const crosswalks: Parsed<CrosswalkFile>[] = [];
  for (const file of yamlFiles(dir, 'crosswalks', issues)) {
    const { parsed } = parseFile(dir, file, crosswalkFileSchema, issues);
    if (parsed) crosswalks.push(parsed);
  }
  const byId = new Map(frameworks.map(({ data }) => [data.id, data]));
  issues.push(...checkCrosswalks(crosswalks, byId, unreadable));

  if (issues.length > 0) throw new CatalogueError(issues);
  return buildCatalogues(
    frameworks.map(({ data }) => toFramework(data)),
    crosswalks.map(({ data }) => data),
  );
}

/** File names relative to `dir` (e.g. `frameworks/gdpr.yaml`), sorted so loads are repeatable. */
function yamlFiles(dir: string, folder: 'frameworks' | 'crosswalks', issues: CatalogueIssue[]): string[] {
  const path = join(dir, folder);
  if (!existsSync(path)) {
    // Crosswalks are optional; a content folder without frameworks is a broken installation.
    if (folder === 'frameworks') issues.push({ file: `${folder}/`, path: '', reason: `folder not found in ${dir}` });
    return [];
  }
  return readdirSync(path)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => `${folder}/${name}`);
}

function parseFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  issues: CatalogueIssue[],
): { raw: unknown; parsed: Parsed<z.output<S>> | undefined } {
  const { source, issues: yamlIssues } = readYaml(readFileSync(join(dir, file), 'utf8'), file);
  issues.push(...yamlIssues);
  if (yamlIssues.length > 0) return { raw: undefined, parsed: undefined };
  const { data, issues: schemaIssues } = checkSchema(schema, source);
  issues.push(...schemaIssues);
  return { raw: source.raw, parsed: data === undefined ? undefined : { source, data } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export interface CustomFrameworkOptions {
  /** Framework ids already taken (the shipped ones, the organisation's other custom ones). */
  readonly reservedIds?: Iterable<string>;
}

/**
 * Checks a framework a user uploads: the same schema and item checks as shipped content, kind
 * `custom`, and an id that does not collide with one already in use.
 */
export function parseCustomFramework(text: string, fileName: string, options: CustomFrameworkOptions = {}): Framework {
  const { source, issues } = readYaml(text, fileName);
  if (issues.length > 0) throw new CatalogueError(issues);
  const { data, issues: schemaIssues } = checkSchema(frameworkFileSchema, source);
  if (data === undefined) throw new CatalogueError(schemaIssues);

  const problems = checkFrameworkItems({ source, data });
  if (data.kind !== 'custom') {
    problems.push(locatedIssue(source, ['kind'], `must be "custom" for an imported framework (got "${data.kind}")`));
  }
  if (new Set(options.reservedIds ?? []).has(data.id)) {
    problems.push(locatedIssue(source, ['id'], `framework id "${data.id}" is already in use; choose another`));
  }
  if (problems.length > 0) throw new CatalogueError(problems);
  return toFramework(data);
}
