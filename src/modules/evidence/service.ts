import crypto from 'node:crypto';
import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/time.ts';
import type { EvidenceFilesTable, EvidenceTable } from '../../platform/db/tables.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Page } from '../../platform/http/schemas.ts';
import { resultExists } from '../assessments/assessments.service.ts';
import { getUser } from '../identity/users.service.ts';
import { appendEvent } from '../ledger/append.service.ts';
import { detectFileType } from './file-types.ts';
import * as repo from './repository.ts';
import type { EvidenceListQuery, EvidenceView, UpdateEvidenceInput } from './schema.ts';
import type { EvidenceStore } from './storage.ts';

const SOON_DAYS = 30;
const dayOf = (iso: string) => iso.slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function expiryOf(expiresOn: string | null, today: string): EvidenceView['expiry'] {
  if (!expiresOn) return 'no_expiry';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, SOON_DAYS) ? 'expiring_soon' : 'valid';
}

function fileView(f: EvidenceFilesTable) {
  return { fileVersion: f.file_version, fileName: f.file_name, contentType: f.content_type, size: Number(f.size), sha256: f.sha256, uploadedAt: f.uploaded_at };
}

async function views(ctx: ServiceContext, rows: EvidenceTable[]): Promise<EvidenceView[]> {
  const ids = rows.map((r) => r.id);
  const [files, links] = await Promise.all([repo.filesOf(ctx.db, ctx.actor.organisationId, ids), repo.linksOf(ctx.db, ctx.actor.organisationId, ids)]);
  const today = dayOf(nowIso());
  return rows.map((r) => {
    const own = files.filter((f) => f.evidence_id === r.id).map(fileView);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      kind: r.kind,
      url: r.url,
      ownerId: r.owner_id,
      reviewStatus: r.review_status,
      expiresOn: r.expires_on,
      expiry: expiryOf(r.expires_on, today),
      currentFile: own.find((f) => f.fileVersion === r.file_version) ?? null,
      files: own,
      linkedResults: links.filter((l) => l.evidence_id === r.id).map((l) => l.result_id).sort(),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    };
  });
}

async function requireEvidence(ctx: ServiceContext, id: string): Promise<EvidenceTable> {
  const row = await repo.findEvidence(ctx.db, ctx.actor.organisationId, id);
  if (!row) throw notFound('Evidence');
  return row;
}

export async function getEvidence(ctx: ServiceContext, id: string): Promise<EvidenceView> {
  return (await views(ctx, [await requireEvidence(ctx, id)]))[0]!;
}

export async function listEvidence(ctx: ServiceContext, q: EvidenceListQuery): Promise<Page<EvidenceView>> {
  const today = dayOf(nowIso());
  const { rows, total } = await repo.listEvidence(ctx.db, ctx.actor.organisationId, q, today, addDays(today, SOON_DAYS));
  return { items: await views(ctx, rows), total, limit: q.limit, offset: q.offset };
}

async function checkOwner(ctx: ServiceContext, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  try {
    if ((await getUser(ctx, ownerId)).status !== 'active') throw notFound('User');
  } catch {
    throw new AppError('validation_failed', 'The owner must be an active person of the organisation.', { issues: [{ in: 'body', path: 'ownerId', message: 'unknown or inactive person' }] });
  }
}

async function checkResults(ctx: ServiceContext, resultIds: string[]): Promise<void> {
  for (const id of resultIds) {
    if (!(await resultExists(ctx, id))) throw new AppError('validation_failed', `Unknown assessment result "${id}".`, { issues: [{ in: 'body', path: 'resultIds', message: `unknown result ${id}` }] });
  }
}

export async function createEvidence(
  ctx: ServiceContext,
  input: { title: string; description?: string | null | undefined; kind: 'file' | 'link'; url?: string | undefined; ownerId?: string | null | undefined; expiresOn?: string | null | undefined; resultIds?: string[] | undefined },
): Promise<EvidenceView> {
  await checkOwner(ctx, input.ownerId);
  const resultIds = [...new Set(input.resultIds ?? [])];
  await checkResults(ctx, resultIds);
  const now = nowIso();
  const id = crypto.randomUUID();
  const orgId = ctx.actor.organisationId;
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertEvidence(tx, {
      id, organisation_id: orgId, title: input.title, description: input.description ?? null, kind: input.kind, url: input.url ?? null,
      owner_id: input.ownerId ?? null, review_status: 'draft', expires_on: input.expiresOn ?? null, file_version: 0, created_at: now, updated_at: now, version: 1,
    });
    for (const resultId of resultIds) await repo.insertLink(tx, { evidence_id: id, organisation_id: orgId, result_id: resultId, created_at: now });
    await appendEvent(tx, ctx, {
      action: 'evidence.evidence.created',
      resource: { type: 'evidence', id },
      changes: [{ field: 'title', new: input.title }, { field: 'kind', new: input.kind }, { field: 'url', new: input.url ?? null }, { field: 'results', new: resultIds }],
    });
  });
  return getEvidence(ctx, id);
}

export async function updateEvidence(ctx: ServiceContext, id: string, input: UpdateEvidenceInput): Promise<EvidenceView> {
  const current = await requireEvidence(ctx, id);
  if (current.version !== input.version) throw conflict(undefined, { currentVersion: current.version });
  if ((input.reviewStatus === 'approved' || input.reviewStatus === 'rejected') && input.reviewStatus !== current.review_status && !can(ctx.actor, 'evidence.review')) {
    throw new AppError('forbidden', 'Only an administrator or a compliance officer approves or rejects evidence.');
  }
  if (input.reviewStatus === 'approved' && current.kind === 'file' && current.file_version === 0) {
    throw new AppError('invalid_state', 'Upload the file before approving this evidence.');
  }
  await checkOwner(ctx, input.ownerId);
  const columns = { title: 'title', description: 'description', ownerId: 'owner_id', expiresOn: 'expires_on', reviewStatus: 'review_status' } as const;
  const changes: Partial<EvidenceTable> = {};
  const ledgerChanges: Array<{ field: string; old: unknown; new: unknown }> = [];
  for (const [field, column] of Object.entries(columns) as Array<[keyof typeof columns, (typeof columns)[keyof typeof columns]]>) {
    const value = input[field];
    if (value === undefined || value === current[column]) continue;
    (changes as Record<string, unknown>)[column] = value;
    ledgerChanges.push({ field, old: current[column], new: value });
  }
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.updateEvidence(tx, ctx.actor.organisationId, id, input.version, { ...changes, updated_at: nowIso() }))) throw conflict();
    await appendEvent(tx, ctx, { action: 'evidence.evidence.updated', resource: { type: 'evidence', id }, changes: ledgerChanges });
  });
  return getEvidence(ctx, id);
}

/** Stores a new version of the file: type checked from name and content, SHA-256 recorded; review starts again. */
export async function uploadFile(ctx: ServiceContext, store: EvidenceStore, id: string, fileName: string, content: Buffer): Promise<EvidenceView> {
  const current = await requireEvidence(ctx, id);
  if (current.kind !== 'file') throw new AppError('invalid_state', 'This evidence is a link; it has no file.');
  if (content.length === 0) throw new AppError('validation_failed', 'The file is empty.', { issues: [{ in: 'body', path: '', message: 'empty file' }] });
  const detected = detectFileType(fileName, content);
  if (!detected.ok) throw new AppError('unsupported_media_type', `${fileName}: ${detected.reason}.`);
  const sha256 = store.put(ctx.actor.organisationId, content);
  const now = nowIso();
  const fileVersion = current.file_version + 1;
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertFile(tx, { evidence_id: id, organisation_id: ctx.actor.organisationId, file_version: fileVersion, file_name: fileName, content_type: detected.contentType, size: content.length, sha256, uploaded_at: now });
    // A new file has not been reviewed: approval is of a specific version.
    const reviewStatus = current.review_status === 'approved' || current.review_status === 'rejected' ? 'in_review' : current.review_status;
    if (!(await repo.updateEvidence(tx, ctx.actor.organisationId, id, current.version, { file_version: fileVersion, review_status: reviewStatus, updated_at: now }))) throw conflict();
    await appendEvent(tx, ctx, { action: 'evidence.file.uploaded', resource: { type: 'evidence', id }, changes: [{ field: 'sha256', old: null, new: sha256 }, { field: 'file_version', new: fileVersion }] });
  });
  return getEvidence(ctx, id);
}

export async function downloadFile(ctx: ServiceContext, store: EvidenceStore, id: string, version: number | undefined) {
  const current = await requireEvidence(ctx, id);
  const wanted = version ?? current.file_version;
  const file = (await repo.filesOf(ctx.db, ctx.actor.organisationId, [id])).find((f) => f.file_version === wanted);
  if (!file) throw notFound(`File version ${wanted}`);
  const stored = store.get(ctx.actor.organisationId, file.sha256);
  if (!stored.ok) throw new AppError('integrity_failed', `The stored file of version ${wanted} no longer matches its SHA-256 ${file.sha256}; it was changed or lost outside aims.`);
  return { content: stored.content, fileName: file.file_name, contentType: file.content_type, sha256: file.sha256 };
}

export async function linkEvidence(ctx: ServiceContext, id: string, resultId: string, link: boolean): Promise<EvidenceView> {
  await requireEvidence(ctx, id);
  if (link) await checkResults(ctx, [resultId]);
  await ctx.db.transaction().execute(async (tx) => {
    const changed = link
      ? await repo.insertLink(tx, { evidence_id: id, organisation_id: ctx.actor.organisationId, result_id: resultId, created_at: nowIso() })
      : await repo.deleteLink(tx, ctx.actor.organisationId, id, resultId);
    if (!changed && !link) throw notFound('Link');
    if (changed) await appendEvent(tx, ctx, { action: link ? 'evidence.link.added' : 'evidence.link.removed', resource: { type: 'evidence', id }, changes: [{ field: 'result', new: resultId }] });
  });
  return getEvidence(ctx, id);
}
