import type { ResultValue, WorkflowStatus } from './assessments-api.ts';

export const RESULT_LABELS: Record<ResultValue, string> = {
  compliant: 'Compliant',
  partially_compliant: 'Partially compliant',
  non_compliant: 'Non-compliant',
  not_applicable: 'Not applicable',
};

export const RESULT_COLORS: Record<ResultValue, string> = {
  compliant: 'teal',
  partially_compliant: 'yellow',
  non_compliant: 'red',
  not_applicable: 'gray',
};

export const RESULT_ORDER: readonly ResultValue[] = ['compliant', 'partially_compliant', 'non_compliant', 'not_applicable'];

export const WORKFLOW_LABELS: Record<WorkflowStatus, string> = {
  to_do: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
};

export const WORKFLOW_ORDER: readonly WorkflowStatus[] = ['to_do', 'in_progress', 'in_review', 'done'];

/** The maturity scale of aims (a CMMI-like 0-5). */
export const MATURITY_LEVELS: readonly string[] = ['Incomplete', 'Initial', 'Managed', 'Defined', 'Quantitatively managed', 'Optimizing'];

export function maturityLabel(level: number | null): string {
  return level === null ? 'Not rated' : `${level} ${MATURITY_LEVELS[level] ?? ''}`.trim();
}

/** One decimal, as the server computes it; a dash where nothing is scored yet. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(1);
}

export const REASON_LABELS = {
  missing_documented_information: 'Mandatory documented information missing',
  not_met: 'Requirement not met',
  not_assessed: 'Not assessed yet',
} as const;

export const RELATIONSHIP_LABELS = {
  equal: 'Equal',
  subset: 'Subset',
  superset: 'Superset',
  intersect: 'Intersects',
} as const;

export const POSTURE_FRAMEWORKS = [
  { value: 'eu-ai-act', label: 'EU AI Act' },
  { value: 'nist-ai-rmf', label: 'NIST AI RMF' },
  { value: 'gdpr', label: 'GDPR' },
] as const;

export function resultLabel(value: unknown): string {
  return typeof value === 'string' && value in RESULT_LABELS ? RESULT_LABELS[value as ResultValue] : value === null || value === undefined ? 'Not assessed' : String(value);
}

/** A field value of a comparison, in words. */
export function fieldValue(field: string, value: unknown): string {
  if (field === 'result') return resultLabel(value);
  if (field === 'workflowStatus') return typeof value === 'string' && value in WORKFLOW_LABELS ? WORKFLOW_LABELS[value as WorkflowStatus] : '–';
  if (field === 'maturity') return typeof value === 'number' ? maturityLabel(value) : 'Not rated';
  return value === null || value === undefined ? '–' : String(value);
}

export const FIELD_LABELS: Record<string, string> = { workflowStatus: 'Workflow status', result: 'Result', maturity: 'Maturity' };
