import type { SoaEntriesTable, SoaVersionsTable } from '../../platform/db/tables.ts';
import type { SoaEntryView, SoaVersionView } from './schema.ts';

export function entryView(row: SoaEntriesTable): SoaEntryView {
  return {
    id: row.id,
    controlId: row.control_id,
    title: row.title,
    source: row.source,
    applicable: Number(row.applicable) === 1,
    justification: row.justification,
    implementationStatus: row.implementation_status,
    riskRefs: JSON.parse(row.risk_refs) as string[],
    evidenceIds: JSON.parse(row.evidence_ids) as string[],
    version: row.version,
  };
}

export function versionView(row: SoaVersionsTable, entries: SoaEntryView[]): SoaVersionView {
  return {
    id: row.id,
    number: Number(row.number),
    status: row.status,
    authorId: row.author_id,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    counts: {
      controls: entries.length,
      applicable: entries.filter((e) => e.applicable).length,
      excluded: entries.filter((e) => !e.applicable).length,
      implemented: entries.filter((e) => e.applicable && e.implementationStatus === 'implemented').length,
      missingJustification: entries.filter((e) => !e.justification).length,
    },
  };
}

const COMPARED = ['applicable', 'justification', 'implementationStatus', 'riskRefs', 'evidenceIds', 'title'] as const;

/** What changed from one version to another, control by control. */
export function diffEntries(from: SoaEntryView[], to: SoaEntryView[]) {
  const before = new Map(from.map((e) => [e.controlId, e]));
  const after = new Map(to.map((e) => [e.controlId, e]));
  const changed = [];
  for (const entry of to) {
    const old = before.get(entry.controlId);
    if (!old) continue;
    const fields = COMPARED.filter((f) => JSON.stringify(old[f]) !== JSON.stringify(entry[f])).map((f) => ({ field: f, from: old[f], to: entry[f] }));
    if (fields.length > 0) changed.push({ controlId: entry.controlId, fields });
  }
  return {
    added: to.filter((e) => !before.has(e.controlId)).map((e) => e.controlId),
    removed: from.filter((e) => !after.has(e.controlId)).map((e) => e.controlId),
    changed,
  };
}
