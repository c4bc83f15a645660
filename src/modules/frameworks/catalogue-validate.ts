/**
 * Checks that need more than one item or more than one file: unique ids, parents that exist and do
 * not loop, unique framework ids, crosswalks that point at real items, no mapping listed twice.
 */
import type { CatalogueIssue } from './catalogue-errors.ts';
import { locatedIssue, type SourceFile } from './catalogue-parse.ts';
import type { crosswalkFileSchema, frameworkFileSchema } from './catalogue-schema.ts';
import type { z } from 'zod';

export type FrameworkFile = z.output<typeof frameworkFileSchema>;
export type CrosswalkFile = z.output<typeof crosswalkFileSchema>;

export interface Parsed<T> {
  readonly source: SourceFile;
  readonly data: T;
}

/** Checks one framework's items among themselves. */
export function checkFrameworkItems({ source, data }: Parsed<FrameworkFile>): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const firstIndex = new Map<string, number>();
  data.items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, index);
    else issues.push(locatedIssue(source, ['items', index, 'id'], `duplicate id "${item.id}" (first used at items[${first}])`));
  });

  data.items.forEach((item, index) => {
    const parent = item.parent ?? null;
    if (parent === null) return;
    const at = ['items', index, 'parent'];
    if (parent === item.id) {
      issues.push(locatedIssue(source, at, 'an item cannot be its own parent'));
    } else if (!firstIndex.has(parent)) {
      issues.push(locatedIssue(source, at, `unknown parent "${parent}": no item with this id in framework "${data.id}"`));
    } else if (leadsToCycle(item.id, data.items, firstIndex)) {
      issues.push(locatedIssue(source, at, `parent chain of "${item.id}" loops back to itself`));
    }
  });
  return issues;
}

// A cycle would make tree walks (children, display, scoring roll-ups) run forever.
function leadsToCycle(start: string, items: FrameworkFile['items'], indexOf: ReadonlyMap<string, number>): boolean {
  const seen = new Set<string>([start]);
  let current = items[indexOf.get(start) ?? -1]?.parent ?? null;
  while (current !== null) {
    if (seen.has(current)) return current === start;
    seen.add(current);
    const index = indexOf.get(current);
    if (index === undefined) return false;
    current = items[index]?.parent ?? null;
  }
  return false;
}

/** Framework ids must be unique across all files: they are the keys crosswalks and records use. */
export function checkFrameworkIds(frameworks: readonly Parsed<FrameworkFile>[]): CatalogueIssue[] {
  const firstFile = new Map<string, string>();
  const issues: CatalogueIssue[] = [];
  for (const { source, data } of frameworks) {
    const first = firstFile.get(data.id);
    if (first === undefined) firstFile.set(data.id, source.file);
    else issues.push(locatedIssue(source, ['id'], `duplicate framework id "${data.id}" (also used by ${first})`));
  }
  return issues;
}

/**
 * Checks crosswalks against the frameworks. `unreadable` holds the ids of framework files that
 * failed their own checks: references to them are not reported again, so one typo in a framework
 * does not bury its real error under dozens of "unknown item" lines.
 */
export function checkCrosswalks(
  crosswalks: readonly Parsed<CrosswalkFile>[],
  frameworks: ReadonlyMap<string, FrameworkFile>,
  unreadable: ReadonlySet<string>,
): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const pairs = new Map<string, string>();
  for (const { source, data } of crosswalks) {
    const expectedName = `${data.from}--${data.to}.yaml`;
    if (baseName(source.file) !== expectedName) {
      issues.push({ file: source.file, path: '', reason: `file name must be "${expectedName}" (from--to)` });
    }
    const pair = `${data.from}--${data.to}`;
    const other = pairs.get(pair);
    if (other !== undefined) issues.push(locatedIssue(source, ['from'], `${other} already maps ${data.from} to ${data.to}`));
    else pairs.set(pair, source.file);

    const ends = { from: data.from, to: data.to } as const;
    const itemIds = { from: new Set<string>(), to: new Set<string>() };
    const known = { from: true, to: true };
    for (const end of ['from', 'to'] as const) {
      const framework = frameworks.get(ends[end]);
      if (framework) for (const item of framework.items) itemIds[end].add(item.id);
      else {
        known[end] = false;
        if (!unreadable.has(ends[end])) issues.push(locatedIssue(source, [end], `unknown framework "${ends[end]}"`));
      }
    }

    const firstIndex = new Map<string, number>();
    data.mappings.forEach((mapping, index) => {
      for (const end of ['from', 'to'] as const) {
        if (known[end] && !itemIds[end].has(mapping[end])) {
          issues.push(locatedIssue(source, ['mappings', index, end], `no item "${mapping[end]}" in framework "${ends[end]}"`));
        }
      }
      // JSON keeps the two ids apart even if an id contained the separator.
      const key = JSON.stringify([mapping.from, mapping.to]);
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else {
        const reason = `duplicate mapping "${mapping.from}" -> "${mapping.to}" (first at mappings[${first}])`;
        issues.push(locatedIssue(source, ['mappings', index], reason));
      }
    });
  }
  return issues;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
