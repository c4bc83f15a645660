import type { FrameworkItem } from '../../api/types.ts';
import type { AssessmentResult } from './assessments-api.ts';
import type { ResultFilters } from './useAssessmentParams.ts';

export interface ResultGroup {
  id: string;
  title: string;
  results: AssessmentResult[];
}

/** The top-level item (a clause 4-10 or an Annex A group) above each item of a framework. */
export function topLevelOf(items: readonly Pick<FrameworkItem, 'id' | 'parent' | 'title'>[]): Map<string, { id: string; title: string }> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out = new Map<string, { id: string; title: string }>();
  for (const item of items) {
    let root = item;
    const seen = new Set<string>([root.id]);
    while (root.parent !== null && byId.has(root.parent) && !seen.has(root.parent)) {
      root = byId.get(root.parent)!;
      seen.add(root.id);
    }
    out.set(item.id, { id: root.id, title: root.title });
  }
  return out;
}

export function matches(result: AssessmentResult, filters: ResultFilters): boolean {
  if (filters.status && result.workflowStatus !== filters.status) return false;
  if (filters.result === 'unassessed' ? result.result !== null : filters.result && result.result !== filters.result) return false;
  if (filters.mandatory && !result.mandatoryDocumentedInformation) return false;
  const q = filters.q.trim().toLowerCase();
  if (q && !`${result.itemId} ${result.itemTitle} ${result.notes ?? ''} ${result.justification ?? ''}`.toLowerCase().includes(q)) return false;
  return true;
}

/** Results in the server's order, under their clause or Annex A group, keeping the groups' order. */
export function groupResults(results: readonly AssessmentResult[], tops: ReadonlyMap<string, { id: string; title: string }>): ResultGroup[] {
  const groups = new Map<string, ResultGroup>();
  for (const result of results) {
    const top = tops.get(result.itemId) ?? { id: result.itemId, title: result.itemTitle };
    const group = groups.get(top.id) ?? { id: top.id, title: top.title, results: [] };
    group.results.push(result);
    groups.set(top.id, group);
  }
  return [...groups.values()];
}
