import fs from 'node:fs';
import readline from 'node:readline';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/time.ts';
import { originOf } from './checkpoints.service.ts';
import * as repo from './repository.ts';
import { rootOf } from './proofs.service.ts';
import { firstAlteredPrivateText } from './private-text.service.ts';
import { LedgerVerifier, type VerificationResult } from './verifier.ts';

/**
 * The export is JSON Lines: a header (organisation, origin, public keys), then every entry in
 * order, then every checkpoint. It holds pseudonyms and commitments only, never personal data,
 * and `aims ledger verify --file` checks it with no database and no server.
 */
export interface ExportHeader {
  type: 'aims-ledger-export';
  version: 1;
  organisation: { id: string; slug: string };
  origin: string;
  exportedAt: string;
  verifierKeys: string[];
}

export async function* exportLines(db: Db, organisation: { id: string; slug: string }): AsyncGenerator<string> {
  const keys = (await repo.listKeys(db)).map((k) => k.verifier_key);
  const header: ExportHeader = { type: 'aims-ledger-export', version: 1, organisation, origin: originOf(organisation.id), exportedAt: nowIso(), verifierKeys: keys };
  yield JSON.stringify(header);
  for await (const page of repo.streamEntries(db, organisation.id)) {
    for (const e of page) yield JSON.stringify({ type: 'entry', seq: Number(e.seq), leafHash: e.leaf_hash, event: e.event });
  }
  for (const c of await repo.listCheckpoints(db, organisation.id)) yield JSON.stringify({ type: 'checkpoint', treeSize: Number(c.tree_size), note: c.note });
}

export interface VerifyProgress {
  (entries: number): void;
}

/** Verifies an organisation's log straight from the database, including the stored tree nodes. */
export async function verifyDatabase(db: Db, organisationId: string, options: { trustedCheckpoint?: string | undefined; onProgress?: VerifyProgress } = {}): Promise<VerificationResult> {
  const checkpoints = (await repo.listCheckpoints(db, organisationId)).map((c) => ({ treeSize: Number(c.tree_size), note: c.note }));
  const verifier = new LedgerVerifier({
    organisationId,
    origin: originOf(organisationId),
    verifierKeys: (await repo.listKeys(db)).map((k) => k.verifier_key),
    checkpoints,
    trustedCheckpoint: options.trustedCheckpoint,
  });
  for await (const page of repo.streamEntries(db, organisationId)) {
    for (const e of page) verifier.push({ seq: Number(e.seq), event: e.event, leafHash: e.leaf_hash });
    options.onProgress?.(verifier.failed ? -1 : Number(page[page.length - 1]!.seq) + 1);
    if (verifier.failed) break;
  }
  const result = verifier.finish();
  if (result.ok) {
    // The stored nodes serve proofs: they must give the same root as the entries themselves.
    const size = await repo.headSize(db, organisationId);
    if (size !== result.entries) {
      return { ...result, ok: false, problem: { kind: 'sequence_gap', seq: Math.min(size, result.entries), treeSize: null, message: `the log head says ${size} entries but ${result.entries} are stored` } };
    }
    let stored: string;
    try {
      stored = (await rootOf(db, organisationId, size)).toString('hex');
    } catch (e) {
      stored = `unreadable: ${(e as Error).message}`;
    }
    if (stored !== result.rootHash) {
      return { ...result, ok: false, problem: { kind: 'leaf_hash_mismatch', seq: null, treeSize: size, message: 'the stored tree nodes do not match the entries; proofs served from them would be wrong' } };
    }
    const altered = await firstAlteredPrivateText(db, organisationId);
    if (altered) {
      return { ...result, ok: false, problem: { kind: 'private_text_mismatch', seq: altered.seq, treeSize: null, message: `the kept text "${altered.field}" of entry ${altered.seq} no longer matches the commitment in the entry` } };
    }
  }
  return result;
}

export class ExportFormatError extends Error {}

/** Verifies an export file offline. */
export async function verifyExportFile(file: string, options: { trustedCheckpoint?: string | undefined; onProgress?: VerifyProgress } = {}): Promise<VerificationResult & { organisation: { id: string; slug: string } }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: ExportHeader | null = null;
  const checkpoints: Array<{ treeSize: number; note: string }> = [];
  let lineNo = 0;
  // Checkpoints come after the entries, but the verifier needs them first: a first pass reads the
  // header and checkpoints, a second streams the entries, so the file is never held in memory.
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let record: { type?: string; [k: string]: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      throw new ExportFormatError(`line ${lineNo} is not JSON`);
    }
    if (lineNo === 1) {
      if (record.type !== 'aims-ledger-export' || record.version !== 1) throw new ExportFormatError('not an aims ledger export (version 1)');
      header = record as unknown as ExportHeader;
    } else if (record.type === 'checkpoint') checkpoints.push({ treeSize: Number(record.treeSize), note: String(record.note) });
    else if (record.type !== 'entry') throw new ExportFormatError(`line ${lineNo}: unknown record type ${String(record.type)}`);
  }
  if (!header) throw new ExportFormatError('the file is empty');
  const verifier = new LedgerVerifier({ organisationId: header.organisation.id, origin: header.origin, verifierKeys: header.verifierKeys, checkpoints, trustedCheckpoint: options.trustedCheckpoint });
  const again = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of again) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { type: string; seq: number; event: string; leafHash?: string };
    if (record.type !== 'entry') continue;
    verifier.push({ seq: Number(record.seq), event: String(record.event), leafHash: typeof record.leafHash === 'string' ? record.leafHash : null });
    if (++n % 50_000 === 0) options.onProgress?.(n);
    if (verifier.failed) break;
  }
  return { ...verifier.finish(), organisation: header.organisation };
}
