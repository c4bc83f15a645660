// RFC 6962 / RFC 9162 section 2.1 Merkle tree hashing, proof generation and verification.
//
// Storage model: a log of n leaves is represented by its complete-subtree nodes. The node at
// (level L, index i) is the hash of the perfect subtree over leaves [i * 2^L, (i + 1) * 2^L);
// it exists once the log holds (i + 1) * 2^L leaves and never changes afterwards, so a database
// can write each node exactly once. Every root and proof for any tree size <= n is assembled
// from O(log n) of those nodes.
//
// Sizes and indexes are JS numbers limited to Number.MAX_SAFE_INTEGER; arithmetic deliberately
// avoids 32-bit bitwise operators so that sizes beyond 2^31 stay correct.

import { createHash, hash } from 'node:crypto';

export const HASH_SIZE = 32;

/** Reads a stored complete-subtree node; must throw if the node does not exist. */
export type NodeReader = (level: number, index: number) => Uint8Array;

export interface MerkleNode {
  level: number;
  index: number;
  hash: Buffer;
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
const EMPTY_ROOT = createHash('sha256').digest();

// One-shot hashing of a concatenated buffer is about a third faster than an incremental Hash
// object for inputs this small, and verification hashes every entry and node of the log.
export function leafHash(bytes: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, bytes]), 'buffer');
}

/** leafHash of a string's UTF-8 bytes without copying them first (U+0000 encodes as the 0x00 prefix). */
export function leafHashOfText(text: string): Buffer {
  return hash('sha256', '\u0000' + text, 'buffer');
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
}

export function emptyRoot(): Buffer {
  return Buffer.from(EMPTY_ROOT);
}

/** MTH(D[n]) computed directly from all leaf hashes (O(n)); fine for small trees and tests. */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Buffer {
  if (hashes.length === 0) return emptyRoot();
  if (hashes.length === 1) return Buffer.from(hashes[0]!);
  const k = largestPowerOfTwoBelow(hashes.length).size;
  return nodeHash(rootFromLeafHashes(hashes.slice(0, k)), rootFromLeafHashes(hashes.slice(k)));
}

export function rootAt(treeSize: number, getNode: NodeReader): Buffer {
  assertSize(treeSize, 'treeSize');
  return treeSize === 0 ? emptyRoot() : rangeHash(0, treeSize, getNode);
}

/** PATH(m, D[n]) of RFC 6962 section 2.1.1, ordered from the leaf upwards. */
export function inclusionProof(leafIndex: number, treeSize: number, getNode: NodeReader): Buffer[] {
  assertSize(leafIndex, 'leafIndex');
  assertSize(treeSize, 'treeSize');
  if (leafIndex >= treeSize) throw new RangeError(`leafIndex ${leafIndex} is not below treeSize ${treeSize}`);
  const fromRoot: Buffer[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const split = largestPowerOfTwoBelow(end - start);
    if (leafIndex < start + split.size) {
      fromRoot.push(rangeHash(start + split.size, end, getNode));
      end = start + split.size;
    } else {
      fromRoot.push(storedNode(split.level, start / split.size, getNode));
      start += split.size;
    }
  }
  return fromRoot.reverse();
}

/** PROOF(m, D[n]) of RFC 6962 section 2.1.2; empty when the sizes are equal. */
export function consistencyProof(size1: number, size2: number, getNode: NodeReader): Buffer[] {
  assertSize(size1, 'size1');
  assertSize(size2, 'size2');
  if (size1 > size2) throw new RangeError(`size1 ${size1} exceeds size2 ${size2}`);
  if (size1 === size2) return [];
  // Verifiers (and the RFC 6962 vectors) reject proofs from the empty tree, so none exists.
  if (size1 === 0) throw new RangeError('no consistency proof exists from an empty tree');
  const fromRoot: Buffer[] = [];
  let start = 0;
  let end = size2;
  let remaining = size1;
  // RFC 6962 omits the old root while it is the original tree: the verifier already holds it.
  let isOldRoot = true;
  for (;;) {
    if (remaining === end - start) {
      if (!isOldRoot) fromRoot.push(rangeHash(start, end, getNode));
      break;
    }
    const split = largestPowerOfTwoBelow(end - start);
    if (remaining <= split.size) {
      fromRoot.push(rangeHash(start + split.size, end, getNode));
      end = start + split.size;
    } else {
      fromRoot.push(storedNode(split.level, start / split.size, getNode));
      start += split.size;
      remaining -= split.size;
      isOldRoot = false;
    }
  }
  return fromRoot.reverse();
}

/**
 * The nodes that become complete when the leaf at leafIndex is appended: the leaf itself plus
 * every ancestor whose right-most leaf it is. Reads only left siblings, which already exist.
 */
export function nodesCreatedByAppend(leafIndex: number, leafHashValue: Uint8Array, getNode: NodeReader): MerkleNode[] {
  assertSize(leafIndex, 'leafIndex');
  let hash: Buffer = Buffer.from(leafHashValue);
  let level = 0;
  let index = leafIndex;
  const created: MerkleNode[] = [{ level, index, hash }];
  while (index % 2 === 1) {
    hash = nodeHash(storedNode(level, index - 1, getNode), hash);
    index = (index - 1) / 2;
    level += 1;
    created.push({ level, index, hash });
  }
  return created;
}

/** RFC 9162 section 2.1.3.2. Returns false (never throws) on any malformed input. */
export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leafHashValue: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isSize(leafIndex) || !isSize(treeSize) || leafIndex >= treeSize) return false;
  if (!isHash(leafHashValue) || !isHash(root) || !isHashList(proof)) return false;
  let fn = BigInt(leafIndex);
  let sn = BigInt(treeSize - 1);
  let r: Uint8Array = leafHashValue;
  for (const p of proof) {
    if (sn === 0n) return false;
    if (isOddBig(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOddBig(fn) && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && bytesEqual(r, root);
}

/** RFC 9162 section 2.1.4.2, plus the equal-size and empty-tree cases. Never throws. */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!isSize(size1) || !isSize(size2) || size1 > size2) return false;
  if (!isHashList(proof) || !isBytes(root1) || !isBytes(root2)) return false;
  if (size1 === size2) {
    if (proof.length !== 0) return false;
    // The empty tree has exactly one possible root, so equal roots alone prove nothing.
    if (size1 === 0) return bytesEqual(root1, EMPTY_ROOT) && bytesEqual(root2, EMPTY_ROOT);
    // Roots of equal-size trees are compared as opaque bytes (the RFC 6962 vectors require this).
    return bytesEqual(root1, root2);
  }
  if (size1 === 0 || proof.length === 0 || !isHash(root1) || !isHash(root2)) return false;

  let fn = BigInt(size1 - 1);
  let sn = BigInt(size2 - 1);
  const path = isPowerOfTwoBig(BigInt(size1)) ? [root1, ...proof] : proof;
  while (isOddBig(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if (isOddBig(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOddBig(fn) && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}

/** In-memory complete-subtree store; for tests, tooling and offline verification. */
export class MemoryMerkleTree {
  // levels[L][i] is the node (L, i); level arrays only ever grow.
  private readonly levels: Buffer[][] = [];

  get size(): number {
    return this.levels[0]?.length ?? 0;
  }

  /** Appends raw leaf data; returns the new leaf's index. */
  append(leafData: Uint8Array): number {
    return this.appendLeafHash(leafHash(leafData));
  }

  appendLeafHash(hash: Uint8Array): number {
    if (!isHash(hash)) throw new TypeError(`leaf hash must be ${HASH_SIZE} bytes`);
    const leafIndex = this.size;
    for (const node of nodesCreatedByAppend(leafIndex, hash, this.getNode)) {
      const level = (this.levels[node.level] ??= []);
      level[node.index] = node.hash;
    }
    return leafIndex;
  }

  root(treeSize: number = this.size): Buffer {
    this.assertWithinTree(treeSize);
    return rootAt(treeSize, this.getNode);
  }

  inclusionProof(leafIndex: number, treeSize: number = this.size): Buffer[] {
    this.assertWithinTree(treeSize);
    return inclusionProof(leafIndex, treeSize, this.getNode);
  }

  consistencyProof(size1: number, size2: number = this.size): Buffer[] {
    this.assertWithinTree(size2);
    return consistencyProof(size1, size2, this.getNode);
  }

  readonly getNode: NodeReader = (level, index) => {
    const node = this.levels[level]?.[index];
    if (node === undefined) throw new RangeError(`no complete subtree node at level ${level}, index ${index}`);
    return node;
  };

  private assertWithinTree(treeSize: number): void {
    assertSize(treeSize, 'treeSize');
    if (treeSize > this.size) throw new RangeError(`treeSize ${treeSize} exceeds the tree's ${this.size} leaves`);
  }
}

/** MTH of leaves [start, end), where start is a multiple of the smallest power of two >= end - start. */
function rangeHash(start: number, end: number, getNode: NodeReader): Buffer {
  // Greedy power-of-two decomposition from the left gives complete subtrees; the RFC tree over
  // the range is those subtrees combined right to left.
  const parts: Uint8Array[] = [];
  let position = start;
  while (position < end) {
    const chunk = largestPowerOfTwoAtMost(end - position);
    if (position % chunk.size !== 0) throw new Error(`internal error: range [${start}, ${end}) is not aligned`);
    parts.push(storedNode(chunk.level, position / chunk.size, getNode));
    position += chunk.size;
  }
  let hash: Buffer = Buffer.from(parts.pop()!);
  while (parts.length > 0) hash = nodeHash(parts.pop()!, hash);
  return hash;
}

function storedNode(level: number, index: number, getNode: NodeReader): Buffer {
  const node = getNode(level, index);
  if (!isHash(node)) throw new Error(`stored node (${level}, ${index}) is not a ${HASH_SIZE}-byte hash`);
  return Buffer.from(node);
}

interface PowerOfTwo {
  size: number;
  level: number;
}

/** The largest power of two strictly smaller than n (n >= 2): the RFC 6962 split point. */
function largestPowerOfTwoBelow(n: number): PowerOfTwo {
  return largestPowerOfTwoAtMost(n - 1);
}

function largestPowerOfTwoAtMost(n: number): PowerOfTwo {
  let size = 1;
  let level = 0;
  while (size * 2 <= n) {
    size *= 2;
    level += 1;
  }
  return { size, level };
}

function assertSize(value: number, name: string): void {
  if (!isSize(value)) throw new RangeError(`${name} must be a non-negative safe integer, got ${String(value)}`);
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function isHash(value: unknown): value is Uint8Array {
  return isBytes(value) && value.length === HASH_SIZE;
}

function isHashList(value: unknown): value is readonly Uint8Array[] {
  return Array.isArray(value) && value.every(isHash);
}

function isOddBig(value: bigint): boolean {
  return (value & 1n) === 1n;
}

function isPowerOfTwoBig(value: bigint): boolean {
  return value > 0n && (value & (value - 1n)) === 0n;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
