/**
 * Catalogue problems are collected, not thrown one at a time: whoever fixes a content file or a
 * user's custom framework wants every mistake in one pass, each with the file, the place inside it
 * and the reason.
 */
import { AppError } from '../../platform/http/errors.ts';

export interface CatalogueIssue {
  /** The file as the author knows it: relative to the content folder, or the uploaded file name. */
  readonly file: string;
  /** Where inside the file, e.g. `items[12].parent`; empty for the file as a whole. */
  readonly path: string;
  readonly reason: string;
  /** 1-based line in the YAML source, when the place could be found. */
  readonly line?: number;
}

export function formatIssue(issue: CatalogueIssue): string {
  const where = issue.path === '' ? issue.file : `${issue.file}: ${issue.path}`;
  const line = issue.line === undefined ? '' : ` (line ${issue.line})`;
  return `${where}${line}: ${issue.reason}`;
}

/**
 * A validation failure: when a user's custom framework is refused, the HTTP layer answers
 * 400 `validation_failed` with the issues as details, without any catch-and-convert in routes.
 */
export class CatalogueError extends AppError {
  readonly issues: readonly CatalogueIssue[];

  constructor(issues: readonly CatalogueIssue[]) {
    const shown = issues.map((issue) => `  - ${formatIssue(issue)}`).join('\n');
    const noun = issues.length === 1 ? 'problem' : 'problems';
    super('validation_failed', `Framework catalogue has ${issues.length} ${noun}:\n${shown}`, { issues });
    this.name = 'CatalogueError';
    this.issues = Object.freeze([...issues]);
  }
}

/** Renders a path such as ['items', 12, 'parent'] the way people write it: `items[12].parent`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
