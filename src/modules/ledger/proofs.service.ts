import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { consistencyProof, HASH_SIZE, inclusionProof, rootAt, type NodeReader } from './merkle.ts';
import * as repo from './repository.ts';
import { nodeKey } from './frontier.ts';

/**
 * Runs a tree computation against stored nodes with two passes: which nodes a root or proof reads
 * depends only on sizes and indexes, never on hash values, so a first pass with placeholder
 * hashes learns the O(log n) addresses, one query fetches them, and the second pass is real.
 */
async function withStoredNodes<T>(db: DbOrTx, organisationId: string, compute: (getNode: NodeReader) => T): Promise<T> {
  const wanted = new Map<string, { level: number; index: number }>();
  const placeholder = Buffer.alloc(HASH_SIZE);
  compute((level, index) => {
    wanted.set(nodeKey(level, index), { level, index });
    return placeholder;
  });
  const stored = await repo.readNodes(db, organisationId, [...wanted.values()]);
  return compute((level, index) => {
    const hex = stored.get(nodeKey(level, index));
    if (!hex) throw new Error(`ledger node ${level}:${index} is missing: the stored tree is damaged`);
    return Buffer.from(hex, 'hex');
  });
}

export async function rootOf(db: DbOrTx, organisationId: string, treeSize: number): Promise<Buffer> {
  return withStoredNodes(db, organisationId, (get) => rootAt(treeSize, get));
}

async function requireSize(db: DbOrTx, organisationId: string, treeSize: number): Promise<void> {
  const size = await repo.headSize(db, organisationId);
  if (treeSize > size) throw new AppError('validation_failed', `The log has ${size} entries; tree size ${treeSize} does not exist yet.`, { size });
}

export async function proveInclusion(db: DbOrTx, organisationId: string, seq: number, treeSize: number) {
  await requireSize(db, organisationId, treeSize);
  if (seq >= treeSize) throw new AppError('validation_failed', `Entry ${seq} is not in a tree of ${treeSize} entries.`);
  const entry = await repo.findEntry(db, organisationId, seq);
  if (!entry) throw new AppError('not_found', `Entry ${seq} not found.`);
  const proof = await withStoredNodes(db, organisationId, (get) => inclusionProof(seq, treeSize, get));
  const root = await rootOf(db, organisationId, treeSize);
  return { seq, treeSize, leafHash: entry.leaf_hash, rootHash: root.toString('hex'), proof: proof.map((p) => p.toString('hex')) };
}

export async function proveConsistency(db: DbOrTx, organisationId: string, size1: number, size2: number) {
  await requireSize(db, organisationId, size2);
  if (size1 < 1 || size1 > size2) throw new AppError('validation_failed', 'Sizes must satisfy 1 <= size1 <= size2.');
  const proof = await withStoredNodes(db, organisationId, (get) => consistencyProof(size1, size2, get));
  const [root1, root2] = await Promise.all([rootOf(db, organisationId, size1), rootOf(db, organisationId, size2)]);
  return { size1, size2, root1: root1.toString('hex'), root2: root2.toString('hex'), proof: proof.map((p) => p.toString('hex')) };
}
