import crypto from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/time.ts';
import type { SoaEntriesTable, SoaVersionsTable } from '../../platform/db/tables.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { getEvidence } from '../evidence/service.ts';
import { loadCatalogues } from '../frameworks/catalogue-loader.ts';
import { appendEvent } from '../ledger/append.service.ts';
import * as repo from './repository.ts';
import type { UpdateEntryInput } from './schema.ts';
import { diffEntries, entryView, versionView } from './views.ts';

async function requireVersion(ctx: ServiceContext, id: string): Promise<SoaVersionsTable> {
  const row = await repo.findVersion(ctx.db, ctx.actor.organisationId, id);
  if (!row) throw notFound('Statement of Applicability version');
  return row;
}

function requireStatus(row: SoaVersionsTable, status: SoaVersionsTable['status'], doing: string): void {
  if (row.status !== status) {
    const why = row.status === 'approved' || row.status === 'superseded' ? 'it is approved and frozen; start a new version' : `it is ${row.status}`;
    throw new AppError('invalid_state', `Version ${row.number} cannot be ${doing}: ${why}.`, { status: row.status });
  }
}

export async function getVersion(ctx: ServiceContext, id: string) {
  const row = await requireVersion(ctx, id);
  const entries = (await repo.entriesOf(ctx.db, ctx.actor.organisationId, [id])).map(entryView);
  return { soa: versionView(row, entries), entries };
}

export async function listVersions(ctx: ServiceContext) {
  const rows = await repo.listVersions(ctx.db, ctx.actor.organisationId);
  const entries = (await repo.entriesOf(ctx.db, ctx.actor.organisationId, rows.map((r) => r.id))).map((e) => ({ versionId: e.soa_version_id, view: entryView(e) }));
  return rows.map((r) => versionView(r, entries.filter((e) => e.versionId === r.id).map((e) => e.view)));
}

/**
 * Starts a new draft: a copy of the approved version, or, for the first one, every Annex A control
 * of ISO/IEC 42001 marked applicable with no justification yet. One draft or submission at a time.
 */
export async function createDraft(ctx: ServiceContext) {
  const orgId = ctx.actor.organisationId;
  const versions = await repo.listVersions(ctx.db, orgId);
  const open = versions.find((v) => v.status === 'draft' || v.status === 'submitted');
  if (open) throw new AppError('invalid_state', `Version ${open.number} is still ${open.status}; finish it first.`, { id: open.id });
  const approved = versions.find((v) => v.status === 'approved');
  const id = crypto.randomUUID();
  const now = nowIso();
  let entries: SoaEntriesTable[];
  if (approved) {
    entries = (await repo.entriesOf(ctx.db, orgId, [approved.id])).map((e) => ({ ...e, id: crypto.randomUUID(), soa_version_id: id, version: 1 }));
  } else {
    const iso = loadCatalogues().frameworks.get('iso42001')!;
    entries = iso.items
      .filter((i) => i.type === 'control')
      .map((control, position) => ({
        id: crypto.randomUUID(), organisation_id: orgId, soa_version_id: id, control_id: control.id, title: control.title, source: 'annex_a' as const, position,
        applicable: 1, justification: null, implementation_status: 'not_started' as const, risk_refs: '[]', evidence_ids: '[]', version: 1,
      }));
  }
  const number = (versions[0]?.number ?? 0) + 1;
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertVersion(tx, { id, organisation_id: orgId, number, status: 'draft', author_id: ctx.actor.userId, submitted_at: null, decided_by: null, decided_at: null, decision_note: null, created_at: now, updated_at: now, version: 1 });
    await repo.insertEntries(tx, entries);
    await appendEvent(tx, ctx, { action: 'soa.version.drafted', resource: { type: 'soa_version', id }, changes: [{ field: 'number', new: number }, { field: 'based_on', new: approved?.id ?? null }] });
  });
  return getVersion(ctx, id);
}

export async function updateEntry(ctx: ServiceContext, versionId: string, entryId: string, input: UpdateEntryInput) {
  const version = await requireVersion(ctx, versionId);
  requireStatus(version, 'draft', 'changed');
  const current = (await repo.entriesOf(ctx.db, ctx.actor.organisationId, [versionId])).find((e) => e.id === entryId);
  if (!current) throw notFound('Control');
  if (current.version !== input.version) throw conflict(undefined, { currentVersion: current.version });
  for (const evidenceId of input.evidenceIds ?? []) {
    try {
      await getEvidence(ctx, evidenceId);
    } catch {
      throw new AppError('validation_failed', `Unknown evidence "${evidenceId}".`, { issues: [{ in: 'body', path: 'evidenceIds', message: `unknown evidence ${evidenceId}` }] });
    }
  }
  const changes: Partial<SoaEntriesTable> = {};
  if (input.applicable !== undefined) changes.applicable = input.applicable ? 1 : 0;
  if (input.justification !== undefined) changes.justification = input.justification || null;
  if (input.implementationStatus !== undefined) changes.implementation_status = input.implementationStatus;
  if (input.riskRefs !== undefined) changes.risk_refs = JSON.stringify(input.riskRefs);
  if (input.evidenceIds !== undefined) changes.evidence_ids = JSON.stringify([...new Set(input.evidenceIds)]);
  const before = entryView(current);
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.updateEntry(tx, ctx.actor.organisationId, entryId, input.version, changes))) throw conflict();
    await repo.touchVersion(tx, ctx.actor.organisationId, versionId, nowIso());
    await appendEvent(tx, ctx, {
      action: 'soa.entry.updated',
      resource: { type: 'soa_entry', id: `${versionId}/${current.control_id}` },
      changes: Object.keys(input).filter((k) => k !== 'version').map((k) => ({ field: k, old: before[k as keyof typeof before], new: input[k as keyof UpdateEntryInput] })),
    });
  });
  return getVersion(ctx, versionId);
}

export async function addAdditionalControl(ctx: ServiceContext, versionId: string, input: { controlId: string; title: string; justification: string }) {
  const version = await requireVersion(ctx, versionId);
  requireStatus(version, 'draft', 'changed');
  const entries = await repo.entriesOf(ctx.db, ctx.actor.organisationId, [versionId]);
  if (entries.some((e) => e.control_id === input.controlId)) throw new AppError('already_exists', `Control ${input.controlId} is already in this version.`, { field: 'controlId' });
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertEntries(tx, [{
      id: crypto.randomUUID(), organisation_id: ctx.actor.organisationId, soa_version_id: versionId, control_id: input.controlId, title: input.title, source: 'additional', position: entries.length,
      applicable: 1, justification: input.justification, implementation_status: 'not_started', risk_refs: '[]', evidence_ids: '[]', version: 1,
    }]);
    await appendEvent(tx, ctx, { action: 'soa.entry.added', resource: { type: 'soa_entry', id: `${versionId}/${input.controlId}` }, changes: [{ field: 'title', new: input.title }] });
  });
  return getVersion(ctx, versionId);
}

/** Submits a draft for approval; every control needs its inclusion or exclusion justified. */
export async function submit(ctx: ServiceContext, versionId: string, lockVersion: number) {
  const version = await requireVersion(ctx, versionId);
  requireStatus(version, 'draft', 'submitted');
  const missing = (await repo.entriesOf(ctx.db, ctx.actor.organisationId, [versionId])).filter((e) => !e.justification).map((e) => e.control_id);
  if (missing.length > 0) throw new AppError('invalid_state', `${missing.length} control(s) have no justification for their inclusion or exclusion.`, { missingJustification: missing });
  await decide(ctx, version, lockVersion, { status: 'submitted', submitted_at: nowIso() }, 'soa.version.submitted');
  return getVersion(ctx, versionId);
}

/**
 * Approval by a council member who did not draft the version (separation of duties). The approved
 * version is frozen and the previous approved one is superseded.
 */
export async function approve(ctx: ServiceContext, versionId: string, lockVersion: number, note: string | undefined) {
  const version = await requireVersion(ctx, versionId);
  requireStatus(version, 'submitted', 'approved');
  if (version.author_id !== null && version.author_id === ctx.actor.userId) {
    throw new AppError('forbidden', 'You drafted this version: another council member must approve it.');
  }
  const now = nowIso();
  await decide(ctx, version, lockVersion, { status: 'approved', decided_by: ctx.actor.userId, decided_at: now, decision_note: note ?? null }, 'soa.version.approved', true);
  return getVersion(ctx, versionId);
}

export async function sendBack(ctx: ServiceContext, versionId: string, lockVersion: number, note: string | undefined) {
  const version = await requireVersion(ctx, versionId);
  requireStatus(version, 'submitted', 'sent back');
  if (!note) throw new AppError('validation_failed', 'Say why the version goes back to its author.', { issues: [{ in: 'body', path: 'note', message: 'required' }] });
  await decide(ctx, version, lockVersion, { status: 'draft', submitted_at: null, decided_by: ctx.actor.userId, decided_at: nowIso(), decision_note: note }, 'soa.version.sent_back');
  return getVersion(ctx, versionId);
}

async function decide(ctx: ServiceContext, version: SoaVersionsTable, lockVersion: number, changes: Partial<SoaVersionsTable>, action: string, supersede = false): Promise<void> {
  if (version.version !== lockVersion) throw conflict(undefined, { currentVersion: version.version });
  const now = nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.updateVersion(tx, ctx.actor.organisationId, version.id, lockVersion, { ...changes, updated_at: now }))) throw conflict();
    if (supersede) await repo.supersedeApproved(tx, ctx.actor.organisationId, version.id, now);
    await appendEvent(tx, ctx, { action, resource: { type: 'soa_version', id: version.id }, changes: [{ field: 'status', old: version.status, new: changes.status }, { field: 'note', new: changes.decision_note ?? null }] });
  });
}

export async function diff(ctx: ServiceContext, versionId: string, againstId: string) {
  const [to, from] = await Promise.all([getVersion(ctx, versionId), getVersion(ctx, againstId)]);
  return { from: { id: from.soa.id, number: from.soa.number }, to: { id: to.soa.id, number: to.soa.number }, ...diffEntries(from.entries, to.entries) };
}
