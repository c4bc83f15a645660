import { canonicalize } from './canonical-json.ts';
import { CheckpointFormatError, verifyCheckpoint } from './checkpoint.ts';
import { emptyRoot, leafHashOfText, nodeHash } from './merkle.ts';

/**
 * Offline verification of an organisation's log, streaming: entries are pushed in order and never
 * held in memory beyond the O(log n) right edge of the tree. It recomputes every leaf from the
 * stored event, checks sequence numbers, the canonical form, every checkpoint's signature and
 * root, and (optionally) that the log extends a checkpoint kept somewhere the operator does not
 * control. The first problem stops verification and says where and why.
 */
export interface VerifierOptions {
  organisationId: string;
  origin: string;
  verifierKeys: readonly string[];
  checkpoints: ReadonlyArray<{ treeSize: number; note: string }>;
  /** A checkpoint obtained independently (a witness, a synced folder); the log must extend it. */
  trustedCheckpoint?: string | undefined;
}

export interface Problem {
  kind:
    | 'sequence_gap'
    | 'malformed_event'
    | 'not_canonical'
    | 'wrong_sequence'
    | 'wrong_organisation'
    | 'leaf_hash_mismatch'
    | 'checkpoint_signature'
    | 'checkpoint_root_mismatch'
    | 'checkpoint_beyond_log'
    | 'checkpoint_format'
    | 'trusted_checkpoint'
    | 'private_text_mismatch';
  /** Sequence number of the first bad entry, when the problem is in an entry. */
  seq: number | null;
  /** Tree size of the checkpoint concerned, when the problem is in a checkpoint. */
  treeSize: number | null;
  message: string;
}

export interface VerificationResult {
  ok: boolean;
  entries: number;
  rootHash: string;
  checkpointsVerified: number;
  problem: Problem | null;
}

export interface StoredEntry {
  seq: number;
  event: string;
  leafHash: string | null;
}

interface PendingCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  label: 'checkpoint' | 'trusted';
}

/**
 * Whether `text` is the RFC 8785 form of its own value. Fast path: JSON.parse keeps the text's key
 * order, so if re-stringifying gives the same text and every object's keys are sorted, the text
 * is canonical. Anything else (including index-like keys, which JavaScript reorders) is decided
 * by the full canonicaliser.
 */
function isCanonicalText(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (JSON.stringify(parsed) === text && keysSorted(parsed)) return true;
  return canonicalize(parsed) === text;
}

function claimedSequence(text: string): number | null {
  const at = text.lastIndexOf('"seq":');
  if (at < 0) return null;
  const match = /^(0|[1-9][0-9]*),/.exec(text.slice(at + 6, at + 30));
  return match ? Number(match[1]) : null;
}

function keysSorted(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(keysSorted);
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! >= keys[i]!) return false;
  return keys.every((k) => keysSorted((value as Record<string, unknown>)[k]));
}

export class LedgerVerifier {
  private readonly stack: Array<{ level: number; hash: Buffer }> = [];
  private count = 0;
  private problem: Problem | null = null;
  private verifiedCheckpoints = 0;
  private readonly pending: PendingCheckpoint[] = [];

  private readonly orgMarker: string;

  constructor(private readonly options: VerifierOptions) {
    this.orgMarker = `"org":${JSON.stringify(options.organisationId)},`;
    for (const c of options.checkpoints) this.addCheckpoint(c.note, 'checkpoint', c.treeSize);
    if (options.trustedCheckpoint) this.addCheckpoint(options.trustedCheckpoint, 'trusted', null);
    this.pending.sort((a, b) => a.treeSize - b.treeSize);
    this.settleCheckpoints();
  }

  get failed(): boolean {
    return this.problem !== null;
  }

  private fail(problem: Omit<Problem, 'seq' | 'treeSize'> & Partial<Pick<Problem, 'seq' | 'treeSize'>>): void {
    this.problem ??= { seq: null, treeSize: null, ...problem };
  }

  private addCheckpoint(note: string, label: PendingCheckpoint['label'], storedSize: number | null): void {
    try {
      const { ok, checkpoint } = verifyCheckpoint(note, this.options.verifierKeys);
      const kind = label === 'trusted' ? 'trusted_checkpoint' : 'checkpoint_signature';
      if (!ok) return this.fail({ kind, treeSize: checkpoint.treeSize, message: `the ${label} checkpoint at size ${checkpoint.treeSize} has no valid signature from a published key` });
      if (checkpoint.origin !== this.options.origin) return this.fail({ kind, treeSize: checkpoint.treeSize, message: `the ${label} checkpoint is for "${checkpoint.origin}", not this log` });
      if (storedSize !== null && storedSize !== checkpoint.treeSize) return this.fail({ kind: 'checkpoint_format', treeSize: storedSize, message: `the checkpoint stored at size ${storedSize} signs size ${checkpoint.treeSize}` });
      this.verifiedCheckpoints++;
      this.pending.push({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, label });
    } catch (e) {
      if (!(e instanceof CheckpointFormatError)) throw e;
      this.fail({ kind: label === 'trusted' ? 'trusted_checkpoint' : 'checkpoint_format', treeSize: storedSize, message: `unreadable ${label} checkpoint: ${e.message}` });
    }
  }

  private root(): Buffer {
    if (this.stack.length === 0) return emptyRoot();
    let hash = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i]!.hash, hash);
    return hash;
  }

  private settleCheckpoints(): void {
    while (this.pending.length > 0 && this.pending[0]!.treeSize <= this.count) {
      const c = this.pending.shift()!;
      if (c.treeSize < this.count) continue; // only reachable for size 0 checkpoints
      if (!this.root().equals(c.rootHash)) {
        this.fail({
          kind: c.label === 'trusted' ? 'trusted_checkpoint' : 'checkpoint_root_mismatch',
          treeSize: c.treeSize,
          message:
            c.label === 'trusted'
              ? `the log does not extend the trusted checkpoint at size ${c.treeSize}: its first ${c.treeSize} entries were rewritten`
              : `the first ${c.treeSize} entries do not hash to the root signed in the checkpoint at size ${c.treeSize}`,
        });
      }
    }
  }

  push(entry: StoredEntry): void {
    if (this.problem) return;
    const expected = this.count;
    if (entry.seq !== expected) {
      return this.fail({ kind: 'sequence_gap', seq: expected, message: entry.seq > expected ? `entry ${expected} is missing (next stored entry is ${entry.seq})` : `entry ${entry.seq} appears again or out of order at position ${expected}` });
    }
    // Security rests on the hashes: an entry's bytes must hash to its leaf, and the leaves to every
    // signed root. Reading the sequence number and organisation straight from the canonical text
    // (keys are sorted, so the top-level "seq" is the last one, and quotes inside strings are
    // escaped) locates moved, inserted and foreign entries without parsing every event.
    const claimed = claimedSequence(entry.event);
    if (claimed === null || !entry.event.endsWith(',"v":1}')) return this.fail({ kind: 'malformed_event', seq: expected, message: `entry ${expected} is not a version 1 event` });
    if (claimed !== expected) {
      // Two entries claiming the same number: the first of them is the one slipped in.
      if (claimed === expected - 1) return this.fail({ kind: 'wrong_sequence', seq: expected - 1, message: `entry ${expected - 1} was inserted: the entry after it also claims to be entry ${expected - 1}` });
      return this.fail({ kind: 'wrong_sequence', seq: expected, message: `entry at position ${expected} says it is entry ${claimed}: entries were moved or inserted` });
    }
    if (!entry.event.includes(this.orgMarker)) return this.fail({ kind: 'wrong_organisation', seq: expected, message: `entry ${expected} belongs to another organisation's log` });
    const leaf = leafHashOfText(entry.event);
    if (entry.leafHash !== null && entry.leafHash !== leaf.toString('hex')) {
      // Only now, off the hot path, tell a re-serialised edit from any other edit.
      if (!isCanonicalText(entry.event)) return this.fail({ kind: 'not_canonical', seq: expected, message: `entry ${expected} is not in canonical form: it was edited` });
      return this.fail({ kind: 'leaf_hash_mismatch', seq: expected, message: `entry ${expected}: the stored leaf hash does not match the event` });
    }
    let node = { level: 0, hash: leaf };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level === node.level) {
      const left = this.stack.pop()!;
      node = { level: node.level + 1, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.count++;
    this.settleCheckpoints();
  }

  finish(): VerificationResult {
    if (!this.problem && this.pending.length > 0) {
      const c = this.pending[0]!;
      this.fail({
        kind: c.label === 'trusted' ? 'trusted_checkpoint' : 'checkpoint_beyond_log',
        treeSize: c.treeSize,
        message: `a ${c.label} checkpoint covers ${c.treeSize} entries but the log has only ${this.count}: the log was truncated`,
      });
    }
    return { ok: this.problem === null, entries: this.count, rootHash: this.root().toString('hex'), checkpointsVerified: this.verifiedCheckpoints, problem: this.problem };
  }
}
