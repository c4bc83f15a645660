import { sql } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { LedgerCheckpointsTable, LedgerEntriesTable, LedgerNodesTable } from '../../platform/db/tables.ts';

/** All SQL of the ledger. Hashes are stored as lowercase hex. */

/** Reserves `count` sequence numbers and returns the first; the row lock orders concurrent writers. */
export async function reserveSequence(tx: DbOrTx, organisationId: string, count: number, now: string): Promise<number> {
  await tx
    .insertInto('ledger_heads')
    .values({ organisation_id: organisationId, size: 0, updated_at: now })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
  const row = await tx
    .updateTable('ledger_heads')
    .set({ size: sql`size + ${count}`, updated_at: now })
    .where('organisation_id', '=', organisationId)
    .returning('size')
    .executeTakeFirstOrThrow();
  return Number(row.size) - count;
}

export async function headSize(db: DbOrTx, organisationId: string): Promise<number> {
  const row = await db.selectFrom('ledger_heads').select('size').where('organisation_id', '=', organisationId).executeTakeFirst();
  return row ? Number(row.size) : 0;
}

/** Node hashes by address; level 0 comes from the entries' leaf hashes, higher levels from ledger_nodes. */
export async function readNodes(db: DbOrTx, organisationId: string, all: Array<{ level: number; index: number }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const leaves = all.filter((a) => a.level === 0).map((a) => a.index);
  if (leaves.length > 0) {
    const rows = await db.selectFrom('ledger_entries').select(['seq', 'leaf_hash']).where('organisation_id', '=', organisationId).where('seq', 'in', leaves).execute();
    for (const r of rows) out.set(`0:${r.seq}`, r.leaf_hash);
  }
  const addresses = all.filter((a) => a.level > 0);
  if (addresses.length === 0) return out;
  // `level IN (..) AND idx IN (..)` walks the primary key (an OR of pairs would scan the table);
  // the few extra combinations it returns are dropped here.
  const wanted = new Set(addresses.map((a) => `${a.level}:${a.index}`));
  const rows = await db
    .selectFrom('ledger_nodes')
    .select(['level', 'idx', 'hash'])
    .where('organisation_id', '=', organisationId)
    .where('level', 'in', [...new Set(addresses.map((a) => a.level))])
    .where('idx', 'in', [...new Set(addresses.map((a) => a.index))])
    .execute();
  for (const r of rows) {
    const key = `${r.level}:${r.idx}`;
    if (wanted.has(key)) out.set(key, r.hash);
  }
  return out;
}

const ENTRY_COLUMNS = ['organisation_id', 'seq', 'leaf_hash', 'event', 'action', 'resource_type', 'resource_id', 'actor', 'created_at'] as const;
const NODE_COLUMNS = ['organisation_id', 'level', 'idx', 'hash'] as const;

export async function insertEntries(tx: DbOrTx, rows: LedgerEntriesTable[]): Promise<void> {
  await bulkInsert(tx, 'ledger_entries', ENTRY_COLUMNS, rows);
}

/** Stores interior nodes only: a level-0 node is the entry's own leaf hash. */
export async function insertNodes(tx: DbOrTx, rows: LedgerNodesTable[]): Promise<void> {
  await bulkInsert(tx, 'ledger_nodes', NODE_COLUMNS, rows);
}

export async function insertPrivateTexts(tx: DbOrTx, rows: Array<{ organisation_id: string; seq: number; field: string; salt: string; text: string }>): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('ledger_private_texts').values(rows.map((r) => ({ ...r, erased_at: null }))).execute();
}

export interface EntryFilter {
  action?: string | undefined;
  actor?: string | undefined;
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function listEntries(db: DbOrTx, organisationId: string, filter: EntryFilter, paging: { limit: number; offset: number; direction: 'asc' | 'desc' }) {
  let base = db.selectFrom('ledger_entries').where('organisation_id', '=', organisationId);
  if (filter.action) base = base.where('action', '=', filter.action);
  if (filter.actor) base = base.where('actor', '=', filter.actor);
  if (filter.resourceType) base = base.where('resource_type', '=', filter.resourceType);
  if (filter.resourceId) base = base.where('resource_id', '=', filter.resourceId);
  if (filter.from) base = base.where('created_at', '>=', filter.from);
  if (filter.to) base = base.where('created_at', '<', filter.to);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('seq', paging.direction).limit(paging.limit).offset(paging.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findEntry(db: DbOrTx, organisationId: string, seq: number) {
  return db.selectFrom('ledger_entries').selectAll().where('organisation_id', '=', organisationId).where('seq', '=', seq).executeTakeFirst();
}

/** Entries in sequence order, in pages, for verification and export without loading the log into memory. */
export async function* streamEntries(db: DbOrTx, organisationId: string, pageSize = 5000): AsyncGenerator<Array<Pick<LedgerEntriesTable, 'seq' | 'event' | 'leaf_hash'>>> {
  let next = -1;
  for (;;) {
    const rows = await db
      .selectFrom('ledger_entries')
      .select(['seq', 'event', 'leaf_hash'])
      .where('organisation_id', '=', organisationId)
      .where('seq', '>', next)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    next = Number(rows[rows.length - 1]!.seq);
  }
}

export async function insertCheckpoint(db: DbOrTx, row: LedgerCheckpointsTable): Promise<boolean> {
  const result = await db.insertInto('ledger_checkpoints').values(row).onConflict((oc) => oc.columns(['organisation_id', 'tree_size']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function latestCheckpoint(db: DbOrTx, organisationId: string) {
  return db.selectFrom('ledger_checkpoints').selectAll().where('organisation_id', '=', organisationId).orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
}

export async function checkpointAt(db: DbOrTx, organisationId: string, treeSize: number) {
  return db.selectFrom('ledger_checkpoints').selectAll().where('organisation_id', '=', organisationId).where('tree_size', '=', treeSize).executeTakeFirst();
}

export async function listCheckpoints(db: DbOrTx, organisationId: string) {
  return db.selectFrom('ledger_checkpoints').selectAll().where('organisation_id', '=', organisationId).orderBy('tree_size').execute();
}

export async function listKeys(db: DbOrTx) {
  return db.selectFrom('ledger_keys').selectAll().orderBy('created_at').execute();
}

export async function registerKey(db: DbOrTx, row: { key_id: string; name: string; verifier_key: string; created_at: string }): Promise<void> {
  await db.insertInto('ledger_keys').values(row).onConflict((oc) => oc.column('key_id').doNothing()).execute();
}

export async function privateTextsOf(db: DbOrTx, organisationId: string, seq: number) {
  return db.selectFrom('ledger_private_texts').selectAll().where('organisation_id', '=', organisationId).where('seq', '=', seq).orderBy('field').execute();
}

export async function erasePrivateText(db: DbOrTx, organisationId: string, seq: number, field: string, at: string): Promise<void> {
  await db
    .updateTable('ledger_private_texts')
    .set({ text: null, salt: null, erased_at: at })
    .where('organisation_id', '=', organisationId)
    .where('seq', '=', seq)
    .where('field', '=', field)
    .execute();
}

/** Texts not erased, in (seq, field) order, after a position: for verification in pages. */
export async function keptPrivateTexts(db: DbOrTx, organisationId: string, after: { seq: number; field: string }, limit: number) {
  return db
    .selectFrom('ledger_private_texts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('text', 'is not', null)
    .where((eb) => eb.or([eb('seq', '>', after.seq), eb.and([eb('seq', '=', after.seq), eb('field', '>', after.field)])]))
    .orderBy('seq')
    .orderBy('field')
    .limit(limit)
    .execute();
}

export async function entriesBySeq(db: DbOrTx, organisationId: string, seqs: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = await db.selectFrom('ledger_entries').select(['seq', 'event']).where('organisation_id', '=', organisationId).where('seq', 'in', seqs.slice(i, i + 500)).execute();
    for (const r of rows) out.set(Number(r.seq), r.event);
  }
  return out;
}
