import { useSearchParams } from 'react-router';
import type { PostureFramework, ResultValue, WorkflowStatus } from './assessments-api.ts';
import { POSTURE_FRAMEWORKS, RESULT_ORDER, WORKFLOW_ORDER } from './assessment-text.ts';

export const TABS = ['results', 'posture', 'maturity', 'readiness', 'snapshots'] as const;
export type AssessmentTab = (typeof TABS)[number];

export interface ResultFilters {
  q: string;
  status: WorkflowStatus | null;
  /** A result, or `unassessed` for items without one. */
  result: ResultValue | 'unassessed' | null;
  /** Only items that require mandatory documented information. */
  mandatory: boolean;
}

export interface AssessmentParams {
  tab: AssessmentTab;
  filters: ResultFilters;
  /** The item whose result is open in the editor. */
  item: string | null;
  framework: PostureFramework;
  /** Snapshot comparison: from a snapshot, to another one or `current`. */
  from: string | null;
  to: string;
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const FRAMEWORK_IDS = POSTURE_FRAMEWORKS.map((f) => f.value);

/**
 * The tab, the filters of the results, the open item, the posture framework and the compared
 * snapshots live in the address bar: a view can be bookmarked or shared and Back undoes a step.
 */
export function useAssessmentParams() {
  const [search, setSearch] = useSearchParams();
  const params: AssessmentParams = {
    tab: pick(search.get('tab'), TABS) ?? 'results',
    filters: {
      q: search.get('q') ?? '',
      status: pick(search.get('status'), WORKFLOW_ORDER),
      result: pick(search.get('result'), [...RESULT_ORDER, 'unassessed'] as const),
      mandatory: search.get('mandatory') === 'true',
    },
    item: search.get('item') || null,
    framework: pick(search.get('framework'), FRAMEWORK_IDS) ?? 'eu-ai-act',
    from: search.get('from') || null,
    to: search.get('to') || 'current',
  };

  const write = (next: AssessmentParams, replace = false) => {
    const out = new URLSearchParams();
    if (next.tab !== 'results') out.set('tab', next.tab);
    if (next.filters.q) out.set('q', next.filters.q);
    if (next.filters.status) out.set('status', next.filters.status);
    if (next.filters.result) out.set('result', next.filters.result);
    if (next.filters.mandatory) out.set('mandatory', 'true');
    if (next.item) out.set('item', next.item);
    if (next.framework !== 'eu-ai-act') out.set('framework', next.framework);
    if (next.from) out.set('from', next.from);
    if (next.to !== 'current') out.set('to', next.to);
    setSearch(out, { replace });
  };

  const hasFilters = params.filters.q !== '' || params.filters.status !== null || params.filters.result !== null || params.filters.mandatory;

  return {
    params,
    hasFilters,
    setTab: (tab: AssessmentTab) => write({ ...params, tab, item: null }),
    setFilters: (filters: Partial<ResultFilters>, replace = false) => write({ ...params, filters: { ...params.filters, ...filters } }, replace),
    clearFilters: () => write({ ...params, filters: { q: '', status: null, result: null, mandatory: false } }),
    openItem: (item: string) => write({ ...params, tab: 'results', item }),
    closeItem: () => write({ ...params, item: null }),
    setFramework: (framework: PostureFramework) => write({ ...params, framework }),
    setComparison: (from: string | null, to: string) => write({ ...params, from, to }),
  };
}

export type AssessmentNav = ReturnType<typeof useAssessmentParams>;

/** The address of one result in the editor, for links from readiness and comparisons. */
export function resultLink(assessmentId: string, itemId: string): string {
  return `/assessments/${encodeURIComponent(assessmentId)}?item=${encodeURIComponent(itemId)}`;
}
