import type { ServiceContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/time.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { appendEvent, commitment } from './append.service.ts';
import * as repo from './repository.ts';

/**
 * Free text that may name people is kept beside the log, and the leaf holds only a salted
 * commitment to it. Erasure (a data-subject request, a retention rule) clears the text and salt
 * and leaves a tombstone: the event, its leaf and every proof stay exactly as they were.
 */
export interface PrivateText {
  field: string;
  text: string | null;
  erasedAt: string | null;
  /** Whether the kept text still matches the commitment in the entry; null once erased. */
  matchesCommitment: boolean | null;
}

async function commitmentsOf(db: DbOrTx, organisationId: string, seq: number): Promise<Record<string, string>> {
  const entry = await repo.findEntry(db, organisationId, seq);
  if (!entry) throw notFound(`Entry ${seq}`);
  return (JSON.parse(entry.event) as { private?: Record<string, string> }).private ?? {};
}

export async function readPrivateTexts(ctx: ServiceContext, seq: number): Promise<PrivateText[]> {
  const commitments = await commitmentsOf(ctx.db, ctx.actor.organisationId, seq);
  const rows = await repo.privateTextsOf(ctx.db, ctx.actor.organisationId, seq);
  return rows.map((r) => ({
    field: r.field,
    text: r.text,
    erasedAt: r.erased_at,
    matchesCommitment: r.text === null || r.salt === null ? null : commitment(r.salt, r.text) === commitments[r.field],
  }));
}

export async function erasePrivateText(ctx: ServiceContext, seq: number, field: string): Promise<PrivateText> {
  const orgId = ctx.actor.organisationId;
  await commitmentsOf(ctx.db, orgId, seq);
  return ctx.db.transaction().execute(async (tx) => {
    const row = (await repo.privateTextsOf(tx, orgId, seq)).find((r) => r.field === field);
    if (!row) throw notFound(`Private text "${field}" of entry ${seq}`);
    if (row.erased_at) throw new AppError('invalid_state', `The text "${field}" of entry ${seq} was already erased.`);
    const erasedAt = nowIso();
    await repo.erasePrivateText(tx, orgId, seq, field, erasedAt);
    await appendEvent(tx, ctx, { action: 'ledger.private_text.erased', resource: { type: 'ledger_entry', id: String(seq) }, changes: [{ field: 'field', new: field }] });
    return { field, text: null, erasedAt, matchesCommitment: null };
  });
}

/** For verification: every kept text must still match its commitment. Returns the first that does not. */
export async function firstAlteredPrivateText(db: DbOrTx, organisationId: string): Promise<{ seq: number; field: string } | null> {
  let after = { seq: -1, field: '' };
  for (;;) {
    const rows = await repo.keptPrivateTexts(db, organisationId, after, 2000);
    if (rows.length === 0) return null;
    const entries = await repo.entriesBySeq(db, organisationId, [...new Set(rows.map((r) => Number(r.seq)))]);
    for (const r of rows) {
      const event = entries.get(Number(r.seq));
      const expected = event ? (JSON.parse(event) as { private?: Record<string, string> }).private?.[r.field] : undefined;
      if (expected !== commitment(r.salt!, r.text!)) return { seq: Number(r.seq), field: r.field };
    }
    const last = rows[rows.length - 1]!;
    after = { seq: Number(last.seq), field: last.field };
  }
}
