import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Evidence files in the data folder, stored under their SHA-256 (content-addressed: the same file
 * uploaded twice is kept once). Reads re-hash the content so a file changed on disk is caught.
 * With several servers, the evidence folder must be shared storage (documented in the README).
 */
export class EvidenceStore {
  constructor(private readonly root: string) {}

  private pathOf(organisationId: string, sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256) || !/^[0-9a-f-]{36}$/.test(organisationId)) throw new Error('invalid evidence address');
    return path.join(this.root, organisationId, sha256.slice(0, 2), sha256);
  }

  /** Writes the content (once) and returns its SHA-256. */
  put(organisationId: string, content: Buffer): string {
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    const file = this.pathOf(organisationId, sha256);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
      fs.writeFileSync(tmp, content, { mode: 0o600 });
      fs.renameSync(tmp, file);
    }
    return sha256;
  }

  /** The content, or `integrity` when it is missing or no longer hashes to its recorded digest. */
  get(organisationId: string, sha256: string): { ok: true; content: Buffer } | { ok: false } {
    const file = this.pathOf(organisationId, sha256);
    if (!fs.existsSync(file)) return { ok: false };
    const content = fs.readFileSync(file);
    const actual = crypto.createHash('sha256').update(content).digest('hex');
    return actual === sha256 ? { ok: true, content } : { ok: false };
  }
}
