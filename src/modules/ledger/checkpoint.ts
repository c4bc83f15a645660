// Signed tree heads in the transparency-log "checkpoint" format (c2sp.org/tlog-checkpoint),
// carried in a signed note (c2sp.org/signed-note) with Ed25519 signatures. Using the standard
// format means external tooling (witnesses, Go's sumdb/note, ...) can check our ledger heads.

import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { HASH_SIZE } from './merkle.ts';

/** A checkpoint, or the signed note carrying it, does not follow the format. */
export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
}

/** A verifier key string (`<name>+<hex key id>+<base64 key>`) is malformed or inconsistent. */
export class VerifierKeyFormatError extends Error {
  override readonly name = 'VerifierKeyFormatError';
}

export interface SigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  /** The 32-byte raw Ed25519 public key, base64. */
  publicKeyBase64: string;
}

export interface NoteSigner {
  name: string;
  privateKeyPem: string;
}

export interface NoteSignature {
  name: string;
  /** The big-endian uint32 key id that prefixes the signature bytes. */
  keyId: number;
  signature: Buffer;
}

export interface CheckpointBody {
  origin: string;
  treeSize: number;
  rootHash: Uint8Array;
  extraLines?: readonly string[];
}

export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  extraLines: string[];
  signatures: NoteSignature[];
  /** The exact note text the signatures cover. */
  signedText: string;
}

export interface NoteVerification {
  /** True when a known key's signature verified and no known key's signature failed. */
  ok: boolean;
  text: string;
  signatures: NoteSignature[];
  verifiedBy: string[];
  /** Known keys whose signature did not verify; any entry makes the note untrustworthy. */
  rejectedBy: string[];
}

export interface CheckpointVerification extends Omit<NoteVerification, 'text' | 'signatures'> {
  checkpoint: Checkpoint;
}

export interface VerifierKey {
  name: string;
  keyId: number;
  publicKey: KeyObject;
}

const ED25519_TYPE = 0x01;
const ED25519_PUBLIC_KEY_SIZE = 32;
const ED25519_SIGNATURE_SIZE = 64;
const KEY_ID_SIZE = 4;
const SIGNATURE_PREFIX = '\u2014 ';
// The spec asks verifiers to cap signatures (and accept at least 16).
const MAX_SIGNATURES = 100;

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const raw = rawPublicKey(createPublicKey(publicKey));
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, publicKeyBase64: raw.toString('base64') };
}

/** SHA-256(name || 0x0A || 0x01 || raw public key)[:4], as a big-endian uint32. */
export function keyIdFor(name: string, rawPublicKeyBytes: Uint8Array): number {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519_TYPE]))
    .update(rawPublicKeyBytes)
    .digest();
  return digest.readUInt32BE(0);
}

/** `<name>+<hex key id>+<base64(0x01 || raw public key)>`; publicKey: PEM, base64 raw key or raw bytes. */
export function verifierKeyString(name: string, publicKey: string | Uint8Array): string {
  assertKeyName(name, (message) => new VerifierKeyFormatError(message));
  const raw = rawPublicKey(toPublicKeyObject(publicKey));
  const encoded = Buffer.concat([Buffer.from([ED25519_TYPE]), raw]).toString('base64');
  return `${name}+${hex32(keyIdFor(name, raw))}+${encoded}`;
}

export function parseVerifierKey(verifierKey: string): VerifierKey {
  const fail = (reason: string): never => {
    throw new VerifierKeyFormatError(`invalid verifier key: ${reason}`);
  };
  // Names cannot contain '+', but the base64 key material can, so split only twice.
  const match = /^([^+]+)\+([0-9a-fA-F]{8})\+(.+)$/s.exec(typeof verifierKey === 'string' ? verifierKey : '');
  if (!match) return fail('expected <name>+<8 hex digits>+<base64 key>');
  const [, name = '', idHex = '', keyBase64 = ''] = match;
  assertKeyName(name, (message) => new VerifierKeyFormatError(message));
  const keyData = decodeBase64Strict(keyBase64);
  if (!keyData || keyData.length !== 1 + ED25519_PUBLIC_KEY_SIZE || keyData[0] !== ED25519_TYPE) {
    return fail('key data must be base64 of 0x01 followed by a 32-byte Ed25519 public key');
  }
  const raw = keyData.subarray(1);
  const keyId = Number.parseInt(idHex, 16);
  if (keyId !== keyIdFor(name, raw)) return fail(`key id ${idHex} does not match the name and key`);
  return { name, keyId, publicKey: ed25519PublicKeyFromRaw(raw) };
}

/** Signs note text (which must end in a newline) with one or more keys. */
export function signNote(text: string, signers: NoteSigner | readonly NoteSigner[]): string {
  assertNoteCharacters(text);
  if (!text.endsWith('\n')) throw new CheckpointFormatError('note text must end with a newline');
  const list = Array.isArray(signers) ? (signers as readonly NoteSigner[]) : [signers as NoteSigner];
  if (list.length === 0) throw new CheckpointFormatError('at least one signer is required');
  const message = Buffer.from(text, 'utf8');
  const lines = list.map(({ name, privateKeyPem }) => {
    assertKeyName(name, (reason) => new CheckpointFormatError(reason));
    const privateKey = createPrivateKey(privateKeyPem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError(`signing key for ${name} is not Ed25519`);
    const keyId = Buffer.alloc(KEY_ID_SIZE);
    keyId.writeUInt32BE(keyIdFor(name, rawPublicKey(createPublicKey(privateKey))));
    const signature = Buffer.concat([keyId, sign(null, message, privateKey)]);
    return `${SIGNATURE_PREFIX}${name} ${signature.toString('base64')}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/** Splits a signed note into its text and signatures, enforcing the signed-note grammar. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  if (typeof note !== 'string') throw new CheckpointFormatError('note must be a string');
  assertNoteCharacters(note);
  // The text may contain blank lines; the signatures start after the last one.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new CheckpointFormatError('missing blank line before the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new CheckpointFormatError('signature block must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new CheckpointFormatError(`more than ${MAX_SIGNATURES} signatures`);
  return { text, signatures: lines.map(parseSignatureLine) };
}

/** Checks a note against trusted verifier keys; signatures by unknown keys are ignored. */
export function verifyNote(note: string, verifierKeys: readonly string[]): NoteVerification {
  const { text, signatures } = parseNote(note);
  const keys = indexVerifierKeys(verifierKeys);
  const message = Buffer.from(text, 'utf8');
  const verifiedBy = new Set<string>();
  const rejectedBy = new Set<string>();
  for (const { name, keyId, signature } of signatures) {
    const key = keys.get(verifierKeyIdentity(name, keyId));
    if (!key) continue;
    const valid = signature.length === ED25519_SIGNATURE_SIZE && verifyQuietly(message, key.publicKey, signature);
    (valid ? verifiedBy : rejectedBy).add(name);
  }
  // c2sp.org/signed-note: a failing signature from a known key should reject the whole note.
  const ok = verifiedBy.size > 0 && rejectedBy.size === 0;
  return { ok, text, signatures, verifiedBy: [...verifiedBy], rejectedBy: [...rejectedBy] };
}

export function formatCheckpointBody(body: CheckpointBody): string {
  const { origin, treeSize, rootHash, extraLines = [] } = body;
  for (const line of [origin, ...extraLines]) {
    if (typeof line !== 'string' || line.includes('\n')) throw new CheckpointFormatError('checkpoint lines must be strings without newlines');
  }
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new CheckpointFormatError('treeSize must be a non-negative safe integer');
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== HASH_SIZE) throw new CheckpointFormatError(`rootHash must be ${HASH_SIZE} bytes`);
  const text = [origin, String(treeSize), Buffer.from(rootHash).toString('base64'), ...extraLines].join('\n') + '\n';
  assertNoteCharacters(text);
  parseCheckpointBody(text); // the same rules the reader applies (e.g. no empty lines)
  return text;
}

export function signCheckpoint(body: CheckpointBody, signers: NoteSigner | readonly NoteSigner[]): string {
  return signNote(formatCheckpointBody(body), signers);
}

/** Parses without checking signatures; use verifyCheckpoint before trusting the contents. */
export function parseCheckpoint(note: string): Checkpoint {
  const { text, signatures } = parseNote(note);
  return { ...parseCheckpointBody(text), signatures, signedText: text };
}

/** Throws CheckpointFormatError for a malformed checkpoint; ok tells whether a trusted key signed it. */
export function verifyCheckpoint(note: string, verifierKeys: readonly string[]): CheckpointVerification {
  const checkpoint = parseCheckpoint(note);
  const { ok, verifiedBy, rejectedBy } = verifyNote(note, verifierKeys);
  return { ok, checkpoint, verifiedBy, rejectedBy };
}

function parseCheckpointBody(text: string): Omit<Checkpoint, 'signatures' | 'signedText'> {
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointFormatError('checkpoint needs origin, tree size and root hash lines');
  if (lines.some((line) => line === '')) throw new CheckpointFormatError('checkpoint lines must not be empty');
  const [origin = '', sizeText = '', rootText = '', ...extraLines] = lines;
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    throw new CheckpointFormatError(`invalid tree size ${JSON.stringify(sizeText)}`);
  }
  const rootHash = decodeBase64Strict(rootText);
  if (!rootHash || rootHash.length !== HASH_SIZE) throw new CheckpointFormatError('root hash must be base64 of 32 bytes');
  return { origin, treeSize: Number(sizeText), rootHash, extraLines };
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw new CheckpointFormatError('signature lines must start with an em dash and a space');
  const parts = line.slice(SIGNATURE_PREFIX.length).split(' ');
  if (parts.length !== 2) throw new CheckpointFormatError('signature line must be "— <key name> <base64 signature>"');
  const [name = '', encoded = ''] = parts;
  assertKeyName(name, (reason) => new CheckpointFormatError(reason));
  const bytes = decodeBase64Strict(encoded);
  if (!bytes || bytes.length <= KEY_ID_SIZE) throw new CheckpointFormatError(`signature by ${name} is not base64 of key id and signature`);
  return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(KEY_ID_SIZE) };
}

function indexVerifierKeys(verifierKeys: readonly string[]): Map<string, VerifierKey> {
  if (!Array.isArray(verifierKeys)) throw new VerifierKeyFormatError('verifier keys must be an array of strings');
  const keys = new Map<string, VerifierKey>();
  for (const text of verifierKeys) {
    const key = parseVerifierKey(text);
    const identity = verifierKeyIdentity(key.name, key.keyId);
    const existing = keys.get(identity);
    // Two different keys with one name and id would make signatures ambiguous.
    if (existing && !existing.publicKey.equals(key.publicKey)) throw new VerifierKeyFormatError(`ambiguous verifier keys for ${key.name}`);
    keys.set(identity, key);
  }
  return keys;
}

function verifierKeyIdentity(name: string, keyId: number): string {
  return `${name}+${hex32(keyId)}`;
}

function verifyQuietly(message: Buffer, publicKey: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}

function toPublicKeyObject(publicKey: string | Uint8Array): KeyObject {
  if (publicKey instanceof Uint8Array) return ed25519PublicKeyFromRaw(publicKey);
  if (publicKey.trimStart().startsWith('-----BEGIN')) {
    const key = createPublicKey(publicKey);
    if (key.asymmetricKeyType !== 'ed25519') throw new VerifierKeyFormatError('public key is not Ed25519');
    return key;
  }
  const raw = decodeBase64Strict(publicKey);
  if (!raw) throw new VerifierKeyFormatError('public key is neither PEM nor base64');
  return ed25519PublicKeyFromRaw(raw);
}

function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== ED25519_PUBLIC_KEY_SIZE) throw new VerifierKeyFormatError('Ed25519 public keys are 32 bytes');
  const x = Buffer.from(raw).toString('base64url');
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  } catch (error) {
    throw new VerifierKeyFormatError(`invalid Ed25519 public key: ${(error as Error).message}`);
  }
}

function rawPublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') throw new VerifierKeyFormatError('public key is not Ed25519');
  const { x } = key.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new VerifierKeyFormatError('public key has no raw encoding');
  return Buffer.from(x, 'base64url');
}

// Node's base64 decoder skips invalid characters; signed data must have exactly one encoding.
function decodeBase64Strict(text: string): Buffer | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

function assertNoteCharacters(text: string): void {
  if (typeof text !== 'string') throw new CheckpointFormatError('note text must be a string');
  const problem = characterProblem(text);
  if (problem) throw new CheckpointFormatError(`note ${problem}`);
}

function characterProblem(text: string): string | undefined {
  // A lone surrogate cannot be encoded as UTF-8, so what is signed would differ from the text.
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) return 'is not valid Unicode (lone surrogate)';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) return 'contains a control character other than newline';
  return undefined;
}

function assertKeyName(name: string, makeError: (message: string) => Error): void {
  if (typeof name !== 'string' || name === '' || /[\s+]/u.test(name) || characterProblem(name) !== undefined) {
    throw makeError(`invalid key name ${JSON.stringify(name)}: must be non-empty, without spaces, '+' or control characters`);
  }
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}
