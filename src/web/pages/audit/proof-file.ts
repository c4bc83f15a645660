import type { LedgerEntry } from '../../api/types.ts';
import type { InclusionProof, LedgerKeys } from './ledger-api.ts';

/**
 * Everything needed to check, away from aims, that an entry is in the signed log: the entry as
 * hashed, its audit path, the signed checkpoint of that tree size and the keys that signed it.
 */
export function inclusionProofFile(entry: LedgerEntry, proof: InclusionProof, keys: LedgerKeys) {
  return {
    format: 'aims.ledger.inclusion-proof/1',
    howToCheck: [
      'leafHash (hex) = SHA-256(0x00 || UTF-8 of the RFC 8785 canonical JSON of entry.event), the RFC 6962 leaf hash.',
      'Hashing leafHash up the audit path `proof` (RFC 6962 section 2.1.1, from the leaf upwards) for index seq in a tree of treeSize leaves gives rootHash.',
      'checkpoint is a signed note (c2sp.org/tlog-checkpoint): its origin line is `origin`, its second line is treeSize and its third line is rootHash (hex here) in base64; one of verifierKeys must verify its Ed25519 signature.',
    ],
    origin: keys.origin,
    seq: proof.seq,
    treeSize: proof.treeSize,
    leafHash: proof.leafHash,
    rootHash: proof.rootHash,
    proof: proof.proof,
    checkpoint: proof.checkpoint,
    verifierKeys: keys.verifierKeys,
    entry: { seq: entry.seq, time: entry.time, leafHash: entry.leafHash, event: entry.event },
  };
}

/** Hands a JSON document to the browser as a file download, without a round trip to the server. */
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by now; revoking later frees it without racing.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
