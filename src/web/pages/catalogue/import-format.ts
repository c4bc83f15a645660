import { ApiError } from '../../api/client.ts';

/** The smallest useful custom framework, shown in the import dialog as the format's example. */
export const IMPORT_EXAMPLE = `id: northwind-model-risk
name: Northwind model risk standard
shortName: NW-MRS
version: "2026.1"
kind: custom
publisher: Northwind Lending
items:
  - id: "MRS-1"
    type: requirement
    title: Independent validation
    assessable: true
    summary: An independent team validates every credit model.
    guidance: Keep the validation report with the model version.
    evidence: [Signed validation report]
    questions: [Who validated the current version?]
`;

/** One problem in an uploaded framework, wherever the server found it. */
export interface ImportIssue {
  path: string;
  line: number | null;
  reason: string;
}

interface RawIssue {
  path?: unknown;
  line?: unknown;
  reason?: unknown;
  message?: unknown;
}

/**
 * The server reports a refused file as 400 `validation_failed` with `details.issues`: catalogue
 * issues carry `{file, path, reason, line?}`; a request the route itself refuses (an empty file)
 * carries `{path, message}`. Both become a list of path, line and reason; anything else is null.
 */
export function importIssuesOf(error: unknown): ImportIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  const details = error.details as { issues?: unknown } | null;
  if (!details || !Array.isArray(details.issues) || details.issues.length === 0) return null;
  return (details.issues as RawIssue[]).map((issue) => ({
    path: typeof issue.path === 'string' ? issue.path : '',
    line: typeof issue.line === 'number' ? issue.line : null,
    reason: typeof issue.reason === 'string' ? issue.reason : typeof issue.message === 'string' ? issue.message : 'invalid',
  }));
}
