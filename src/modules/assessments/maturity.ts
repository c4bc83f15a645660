import type { FrameworkItem } from '../frameworks/catalogue-schema.ts';

/**
 * Maturity on the 0-5 scale (0 Incomplete ... 5 Optimizing), to one decimal:
 * - an item counts when it has a maturity level and is not "not applicable";
 * - a group's score (a clause 4-10, an Annex A group, or any top-level item of another framework)
 *   is the plain mean of its counted items: every requirement weighs the same;
 * - the overall score is the mean of all counted items (not of the group means), so a large group
 *   weighs by its size.
 * Scores are null where nothing was assessed yet.
 */
export interface MaturityInput {
  itemId: string;
  result: string | null;
  maturity: number | null;
}

export interface MaturityScore {
  id: string;
  title: string;
  score: number | null;
  counted: number;
  items: number;
}

export interface Maturity {
  overall: number | null;
  counted: number;
  groups: MaturityScore[];
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function topLevelOf(items: readonly FrameworkItem[]): Map<string, FrameworkItem> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const top = new Map<string, FrameworkItem>();
  for (const item of items) {
    let root = item;
    while (root.parent !== null && byId.has(root.parent)) root = byId.get(root.parent)!;
    top.set(item.id, root);
  }
  return top;
}

export function computeMaturity(items: readonly FrameworkItem[], results: readonly MaturityInput[]): Maturity {
  const top = topLevelOf(items);
  const groups = new Map<string, { title: string; sum: number; counted: number; items: number }>();
  for (const item of items) if (item.parent === null) groups.set(item.id, { title: item.title, sum: 0, counted: 0, items: 0 });
  let sum = 0;
  let counted = 0;
  for (const r of results) {
    const group = groups.get(top.get(r.itemId)?.id ?? '');
    if (group) group.items++;
    if (r.maturity === null || r.result === 'not_applicable') continue;
    sum += r.maturity;
    counted++;
    if (group) {
      group.sum += r.maturity;
      group.counted++;
    }
  }
  return {
    overall: counted === 0 ? null : oneDecimal(sum / counted),
    counted,
    groups: [...groups.entries()]
      .filter(([, g]) => g.items > 0)
      .map(([id, g]) => ({ id, title: g.title, score: g.counted === 0 ? null : oneDecimal(g.sum / g.counted), counted: g.counted, items: g.items })),
  };
}

/**
 * Readiness for certification: the share of mandatory requirements met. Clauses 4-10 are all
 * mandatory; Annex A controls count unless marked not applicable (the Statement of Applicability
 * decides that). "Met" means compliant. Blockers: requirements that carry mandatory documented
 * information and are not compliant, then every other unmet mandatory requirement.
 */
export interface Readiness {
  mandatory: number;
  met: number;
  share: number | null;
  blockers: Array<{ itemId: string; title: string; reason: 'missing_documented_information' | 'not_met' | 'not_assessed'; documentedInformation: string | null }>;
}

export function computeReadiness(items: readonly FrameworkItem[], results: readonly MaturityInput[]): Readiness {
  const byId = new Map(items.map((i) => [i.id, i]));
  let mandatory = 0;
  let met = 0;
  const blockers: Readiness['blockers'] = [];
  for (const r of results) {
    const item = byId.get(r.itemId);
    if (!item || r.result === 'not_applicable') continue;
    mandatory++;
    if (r.result === 'compliant') {
      met++;
      continue;
    }
    const reason = item.mandatoryDocumentedInformation ? 'missing_documented_information' : r.result === null ? 'not_assessed' : 'not_met';
    blockers.push({ itemId: item.id, title: item.title, reason, documentedInformation: item.mandatoryDocumentedInformation });
  }
  const order = { missing_documented_information: 0, not_met: 1, not_assessed: 2 };
  blockers.sort((a, b) => order[a.reason] - order[b.reason]);
  return { mandatory, met, share: mandatory === 0 ? null : Math.round((met / mandatory) * 1000) / 10, blockers };
}
