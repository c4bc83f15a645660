import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/time.ts';
import { signCheckpoint } from './checkpoint.ts';
import { rootOf } from './proofs.service.ts';
import * as repo from './repository.ts';
import type { LedgerSigner } from './signing-key.ts';
import { publishCheckpoint, type CheckpointSinks } from './publish.ts';

/** The origin line of an organisation's checkpoints; ids do not change, slugs may. */
export function originOf(organisationId: string): string {
  return `aims/ledger/${organisationId}`;
}

export interface CheckpointRecord {
  treeSize: number;
  rootHash: string;
  note: string;
  createdAt: string;
}

/**
 * Signs the current head of an organisation's log. Idempotent per tree size, so several servers
 * racing to checkpoint the same size store one checkpoint.
 */
export type PublishErrorHandler = (organisationId: string, treeSize: number, errors: string[]) => void;

export async function createCheckpoint(
  db: Db,
  organisationId: string,
  signer: LedgerSigner,
  sinks: CheckpointSinks = {},
  onPublishError: PublishErrorHandler = () => undefined,
): Promise<CheckpointRecord | null> {
  const size = await repo.headSize(db, organisationId);
  if (size === 0) return null;
  const existing = await repo.checkpointAt(db, organisationId, size);
  if (existing) return toRecord(existing);
  const root = await rootOf(db, organisationId, size);
  const note = signCheckpoint({ origin: originOf(organisationId), treeSize: size, rootHash: root }, signer);
  const row = { organisation_id: organisationId, tree_size: size, root_hash: root.toString('hex'), note, created_at: nowIso() };
  const inserted = await repo.insertCheckpoint(db, row);
  const record = toRecord((await repo.checkpointAt(db, organisationId, size)) ?? row);
  // Only the server that stored the checkpoint publishes it. A failure to publish is reported,
  // and the next checkpoint (which extends this one) goes out again; it never costs the checkpoint.
  if (inserted && (sinks.dir || sinks.url)) {
    const outcome = await publishCheckpoint(sinks, organisationId, record);
    if (outcome.errors.length > 0) onPublishError(organisationId, record.treeSize, outcome.errors);
  }
  return record;
}

function toRecord(row: { tree_size: number; root_hash: string; note: string; created_at: string }): CheckpointRecord {
  return { treeSize: Number(row.tree_size), rootHash: row.root_hash, note: row.note, createdAt: row.created_at };
}

export async function latest(db: Db, organisationId: string): Promise<CheckpointRecord | null> {
  const row = await repo.latestCheckpoint(db, organisationId);
  return row ? toRecord(row) : null;
}

export interface CheckpointPolicy {
  everyEntries: number;
  everySeconds: number;
}

/**
 * Checkpoints every organisation whose log has grown by `everyEntries` since its last checkpoint,
 * or has any new entry older than `everySeconds`. Called periodically by each server.
 */
export async function checkpointDue(
  db: Db,
  signer: LedgerSigner,
  policy: CheckpointPolicy,
  sinks: CheckpointSinks = {},
  onPublishError?: PublishErrorHandler,
  now = Date.now(),
): Promise<number> {
  const heads = await db
    .selectFrom('ledger_heads as h')
    .leftJoin(
      (eb) => eb.selectFrom('ledger_checkpoints').select((e) => ['organisation_id', e.fn.max('tree_size').as('size'), e.fn.max('created_at').as('at')]).groupBy('organisation_id').as('c'),
      (j) => j.onRef('c.organisation_id', '=', 'h.organisation_id'),
    )
    .select(['h.organisation_id', 'h.size', 'h.updated_at', 'c.size as checkpoint_size', 'c.at as checkpoint_at'])
    .execute();
  let made = 0;
  for (const h of heads) {
    const size = Number(h.size);
    const last = h.checkpoint_size === null ? 0 : Number(h.checkpoint_size);
    if (size <= last) continue;
    const since = h.checkpoint_at ? Date.parse(String(h.checkpoint_at)) : 0;
    if (size - last >= policy.everyEntries || now - since >= policy.everySeconds * 1000) {
      if (await createCheckpoint(db, h.organisation_id, signer, sinks, onPublishError)) made++;
    }
  }
  return made;
}
