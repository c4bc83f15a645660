/**
 * YAML text -> schema-checked data, with every problem located (path and line). Cross-item and
 * cross-file checks live in catalogue-validate.ts; this file only knows one file at a time.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath, type CatalogueIssue } from './catalogue-errors.ts';

/** One source file, kept parsed so later checks can still point at lines. */
export interface SourceFile {
  readonly file: string;
  /** The plain data (undefined when the YAML itself could not be read). */
  readonly raw: unknown;
  /** 1-based line of the value at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): number | undefined;
}

export function readYaml(text: string, file: string): { source: SourceFile; issues: CatalogueIssue[] } {
  const lineCounter = new LineCounter();
  // uniqueKeys: a repeated key in a hand-written file is a typo, and silently keeping the last one
  // would hide it.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const locate = locator(doc, lineCounter);
  const issues: CatalogueIssue[] = doc.errors.map((error) => ({
    file,
    path: '',
    // prettyErrors adds a code frame after the first line; the line number is reported separately.
    reason: `not valid YAML: ${(error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')}`,
    ...(error.linePos ? { line: error.linePos[0].line } : {}),
  }));
  if (issues.length > 0) return { source: { file, raw: undefined, locate }, issues };
  try {
    // The alias limit guards against "billion laughs" files among user uploads.
    const raw: unknown = doc.toJS({ maxAliasCount: 100 });
    return { source: { file, raw, locate }, issues };
  } catch (error) {
    const reason = `not valid YAML: ${error instanceof Error ? error.message : String(error)}`;
    return { source: { file, raw: undefined, locate }, issues: [{ file, path: '', reason }] };
  }
}

function locator(doc: Document, lineCounter: LineCounter) {
  return (path: readonly PropertyKey[]): number | undefined => {
    // A missing key has no node: point at the closest enclosing value instead.
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Makes zod's wording read well after a path: "items[3].summary: is required". */
const friendlyErrors = (issue: { code: string; input?: unknown }): string | undefined =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

export function checkSchema<S extends z.ZodType>(
  schema: S,
  source: SourceFile,
): { data: z.output<S> | undefined; issues: CatalogueIssue[] } {
  const result = schema.safeParse(source.raw, { error: friendlyErrors });
  if (result.success) return { data: result.data, issues: [] };
  const issues = result.error.issues.flatMap((issue) =>
    // One issue per unknown field, at the field itself, so the author sees which line to fix.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => locatedIssue(source, [...issue.path, key], 'is not a known field'))
      : [locatedIssue(source, issue.path, issue.message)],
  );
  return { data: undefined, issues };
}

export function locatedIssue(source: SourceFile, path: readonly PropertyKey[], reason: string): CatalogueIssue {
  const line = source.locate(path);
  return { file: source.file, path: formatPath(path), reason, ...(line === undefined ? {} : { line }) };
}
