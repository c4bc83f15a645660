import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/time.ts';
import { generateSigningKey, verifierKeyString, type NoteSigner } from './checkpoint.ts';
import { registerKey } from './repository.ts';

export const KEY_FILE_NAME = 'ledger-signing-key.pem';

export interface LedgerSigner extends NoteSigner {
  verifierKey: string;
}

export interface SigningKeySource {
  dataDir: string;
  /** PEM of an Ed25519 private key (AIMS_LEDGER_KEY). */
  keyPem?: string | undefined;
  /** File holding that PEM (AIMS_LEDGER_KEY_FILE). */
  keyFile?: string | undefined;
  /** Key name in signed notes (AIMS_LEDGER_KEY_NAME). */
  name?: string | undefined;
}

export class SigningKeyError extends Error {}

/**
 * The checkpoint signing key: given in the environment or a file, or generated on first start in
 * the data folder with owner-only permissions. With several servers, give them all the same key
 * (AIMS_LEDGER_KEY_FILE); every key that signs is published so that old checkpoints stay verifiable.
 */
export function loadSigner(source: SigningKeySource): LedgerSigner {
  let pem = source.keyPem;
  if (!pem && source.keyFile) {
    try {
      pem = fs.readFileSync(source.keyFile, 'utf8');
    } catch (e) {
      throw new SigningKeyError(`cannot read the ledger signing key ${source.keyFile}: ${(e as Error).message}`);
    }
  }
  if (!pem) {
    const file = path.join(source.dataDir, KEY_FILE_NAME);
    if (fs.existsSync(file)) pem = fs.readFileSync(file, 'utf8');
    else {
      fs.mkdirSync(source.dataDir, { recursive: true, mode: 0o700 });
      pem = generateSigningKey().privateKeyPem;
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    }
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(pem);
  } catch {
    throw new SigningKeyError('the ledger signing key is not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyError('the ledger signing key must be Ed25519');
  const raw = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  const name = source.name ?? 'aims';
  return { name, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), verifierKey: verifierKeyString(name, raw) };
}

/** Moves the data folder's key aside (kept, owner-only) so that the next start generates a new one. */
export function rotateKeyFile(dataDir: string): string {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) throw new SigningKeyError(`no signing key in ${dataDir} to rotate`);
  const retired = path.join(dataDir, `ledger-signing-key.retired-${new Date().toISOString().replace(/[:.]/g, '-')}.pem`);
  fs.renameSync(file, retired);
  return retired;
}

/** Publishes the signer's public key in the database (idempotent). */
export async function publishKey(db: DbOrTx, signer: LedgerSigner): Promise<void> {
  await registerKey(db, {
    key_id: crypto.createHash('sha256').update(signer.verifierKey).digest('hex'),
    name: signer.name,
    verifier_key: signer.verifierKey,
    created_at: nowIso(),
  });
}

/** A throw-away key for processes that sign nothing lasting (tests, printing the OpenAPI document). */
export function ephemeralSigner(name = 'aims-ephemeral'): LedgerSigner {
  return loadSigner({ dataDir: '/nonexistent', keyPem: generateSigningKey().privateKeyPem, name });
}
