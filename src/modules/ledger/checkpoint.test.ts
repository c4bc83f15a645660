import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CheckpointFormatError,
  VerifierKeyFormatError,
  formatCheckpointBody,
  generateSigningKey,
  keyIdFor,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signCheckpoint,
  signNote,
  verifierKeyString,
  verifyCheckpoint,
  verifyNote,
  type NoteSigner,
} from './checkpoint.ts';
import { MemoryMerkleTree } from './merkle.ts';

// Published example of golang.org/x/mod/sumdb/note (package docs and note_test.go).
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SIGNER_SEED = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'; // base64(0x01 || seed)
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const GO_OTHER_VERIFIER_KEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';

// Example from c2sp.org/tlog-checkpoint.
const SPEC_CHECKPOINT =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
  '— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';

const ORIGIN = 'aims.example/ledger';

function pemFromGoSeed(encoded: string): string {
  const seed = Buffer.from(encoded, 'base64').subarray(1);
  const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

function newSigner(name: string): { signer: NoteSigner; verifierKey: string } {
  const key = generateSigningKey();
  return { signer: { name, privateKeyPem: key.privateKeyPem }, verifierKey: verifierKeyString(name, key.publicKeyPem) };
}

function sampleTree(size: number): MemoryMerkleTree {
  const tree = new MemoryMerkleTree();
  for (let i = 0; i < size; i++) tree.append(Buffer.from(`entry ${i}`));
  return tree;
}

const log = newSigner(ORIGIN);
const tree = sampleTree(11);
const body = { origin: ORIGIN, treeSize: 11, rootHash: tree.root() };
const signed = signCheckpoint(body, log.signer);

describe('interoperability with published signed notes', () => {
  it('derives the key id and verifier key string of the Go example', () => {
    const parsed = parseVerifierKey(GO_VERIFIER_KEY);
    expect(parsed.name).toBe('PeterNeumann');
    expect(parsed.keyId).toBe(0xc74f20a3);
    const raw = Buffer.from(GO_VERIFIER_KEY.split('+')[2]!, 'base64').subarray(1);
    expect(keyIdFor('PeterNeumann', raw)).toBe(0xc74f20a3);
    expect(verifierKeyString('PeterNeumann', raw)).toBe(GO_VERIFIER_KEY);
    const other = Buffer.from(GO_OTHER_VERIFIER_KEY.split('+')[2]!, 'base64').subarray(1);
    expect(verifierKeyString('EnochRoot', other.toString('base64'))).toBe(GO_OTHER_VERIFIER_KEY);
  });

  it('reproduces the Go example note byte for byte (Ed25519 is deterministic)', () => {
    const signer = { name: 'PeterNeumann', privateKeyPem: pemFromGoSeed(GO_SIGNER_SEED) };
    expect(verifierKeyString('PeterNeumann', signer.privateKeyPem)).toBe(GO_VERIFIER_KEY);
    expect(signNote(GO_TEXT, signer)).toBe(GO_NOTE);
  });

  it('verifies the Go example note and rejects a one-letter change', () => {
    const result = verifyNote(GO_NOTE, [GO_VERIFIER_KEY]);
    expect(result).toMatchObject({ ok: true, text: GO_TEXT, verifiedBy: ['PeterNeumann'], rejectedBy: [] });
    const tampered = verifyNote(GO_NOTE.replace('cryptography', 'cryptographY'), [GO_VERIFIER_KEY]);
    expect(tampered).toMatchObject({ ok: false, verifiedBy: [], rejectedBy: ['PeterNeumann'] });
  });

  it('parses the tlog-checkpoint specification example', () => {
    const checkpoint = parseCheckpoint(SPEC_CHECKPOINT);
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa');
    expect(checkpoint.treeSize).toBe(20852163);
    expect(checkpoint.rootHash.toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    expect(checkpoint.extraLines).toEqual([]);
    expect(checkpoint.signatures).toHaveLength(1);
    expect(checkpoint.signatures[0]!.name).toBe('example.com/behind-the-sofa');
    expect(checkpoint.signatures[0]!.signature).toHaveLength(64);
    // We do not hold that log's key: its signature is ignored, so nothing vouches for it.
    expect(verifyCheckpoint(SPEC_CHECKPOINT, [log.verifierKey])).toMatchObject({ ok: false, verifiedBy: [], rejectedBy: [] });
  });
});

describe('signing and verifying checkpoints', () => {
  it('generates Ed25519 keys whose encodings all describe the same key', () => {
    const key = generateSigningKey();
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const raw = Buffer.from(key.publicKeyBase64, 'base64');
    expect(raw).toHaveLength(32);
    const fromPem = verifierKeyString('k', key.publicKeyPem);
    expect(verifierKeyString('k', key.publicKeyBase64)).toBe(fromPem);
    expect(verifierKeyString('k', raw)).toBe(fromPem);
    expect(fromPem).toBe(`k+${keyIdFor('k', raw).toString(16).padStart(8, '0')}+${Buffer.concat([Buffer.from([1]), raw]).toString('base64')}`);
  });

  it('writes the exact checkpoint layout', () => {
    const [text, signatures] = signed.split('\n\n');
    expect(text).toBe(`${ORIGIN}\n11\n${tree.root().toString('base64')}`);
    expect(signatures).toMatch(new RegExp(`^\u2014 ${ORIGIN} [A-Za-z0-9+/]{91}=\n$`));
    const signatureBytes = Buffer.from(signatures!.split(' ')[2]!.trim(), 'base64');
    expect(signatureBytes).toHaveLength(68);
    expect(signatureBytes.readUInt32BE(0)).toBe(parseVerifierKey(log.verifierKey).keyId);
  });

  it('round-trips through parse and verify', () => {
    const result = verifyCheckpoint(signed, [log.verifierKey]);
    expect(result.ok).toBe(true);
    expect(result.verifiedBy).toEqual([ORIGIN]);
    expect(result.checkpoint).toMatchObject({ origin: ORIGIN, treeSize: 11, extraLines: [] });
    expect(result.checkpoint.rootHash.equals(tree.root())).toBe(true);
    expect(result.checkpoint.signedText).toBe(formatCheckpointBody(body));
  });

  it('round-trips extension lines and extreme sizes', () => {
    for (const treeSize of [0, 1, Number.MAX_SAFE_INTEGER]) {
      const note = signCheckpoint({ ...body, treeSize, extraLines: ['timestamp 1700000000', 'extension ✓'] }, log.signer);
      const result = verifyCheckpoint(note, [log.verifierKey]);
      expect(result.ok).toBe(true);
      expect(result.checkpoint.treeSize).toBe(treeSize);
      expect(result.checkpoint.extraLines).toEqual(['timestamp 1700000000', 'extension ✓']);
    }
  });

  it('rejects tampered size, root, origin, extension and signature', () => {
    const withExtra = signCheckpoint({ ...body, extraLines: ['note'] }, log.signer);
    const otherRoot = sampleTree(11).root();
    otherRoot[0] = otherRoot[0]! ^ 1;
    const tampered = [
      signed.replace('\n11\n', '\n12\n'),
      signed.replace(tree.root().toString('base64'), otherRoot.toString('base64')),
      signed.replace(`${ORIGIN}\n`, 'aims.example/other\n'),
      withExtra.replace('\nnote\n', '\nnotE\n'),
    ];
    const signatureStart = signed.indexOf('\u2014') + ORIGIN.length + 3;
    let checkedFlips = 0;
    for (let i = signatureStart; i < signed.length - 2; i++) {
      const flipped = signed[i] === 'A' ? 'B' : 'A';
      const candidate = signed.slice(0, i) + flipped + signed.slice(i + 1);
      // Only changes that still decode as canonical base64 reach the signature check.
      if (!isWellFormed(candidate)) continue;
      const result = verifyCheckpoint(candidate, [log.verifierKey]);
      // Changing the key-id bytes makes the signature "unknown" instead of failing.
      expect(result.ok).toBe(false);
      checkedFlips += 1;
    }
    expect(checkedFlips).toBeGreaterThan(80);
    for (const note of tampered) {
      expect(verifyCheckpoint(note, [log.verifierKey])).toMatchObject({ ok: false, verifiedBy: [], rejectedBy: [ORIGIN] });
    }
  });

  it('ignores signatures from unknown keys, including a same-name key', () => {
    const stranger = newSigner('stranger.example');
    const impostor = newSigner(ORIGIN); // same name, different key and therefore different id
    expect(verifyCheckpoint(signed, [stranger.verifierKey])).toMatchObject({ ok: false, verifiedBy: [], rejectedBy: [] });
    expect(verifyCheckpoint(signed, [impostor.verifierKey])).toMatchObject({ ok: false, verifiedBy: [], rejectedBy: [] });
    expect(verifyCheckpoint(signed, [])).toMatchObject({ ok: false });
    const cosigned = signCheckpoint(body, [stranger.signer, log.signer]);
    expect(verifyCheckpoint(cosigned, [log.verifierKey])).toMatchObject({ ok: true, verifiedBy: [ORIGIN], rejectedBy: [] });
  });

  it('rejects the note when a known key signature fails, even beside a valid one', () => {
    const witness = newSigner('witness.example');
    const cosigned = signCheckpoint(body, [log.signer, witness.signer]);
    const lines = cosigned.split('\n');
    // Keep the witness's key id but replace its signature bytes.
    const witnessLine = lines[lines.length - 2]!;
    const bytes = Buffer.from(witnessLine.split(' ')[2]!, 'base64');
    bytes[10] = bytes[10]! ^ 0xff;
    lines[lines.length - 2] = `\u2014 witness.example ${bytes.toString('base64')}`;
    const result = verifyCheckpoint(lines.join('\n'), [log.verifierKey, witness.verifierKey]);
    expect(result).toMatchObject({ ok: false, verifiedBy: [ORIGIN], rejectedBy: ['witness.example'] });
  });

  it('supports key rotation: old checkpoints keep verifying while the new key signs', () => {
    const oldKey = newSigner(ORIGIN);
    const newKey = newSigner(ORIGIN);
    const before = signCheckpoint({ ...body, treeSize: 5, rootHash: tree.root(5) }, oldKey.signer);
    const during = signCheckpoint({ ...body, treeSize: 8, rootHash: tree.root(8) }, [oldKey.signer, newKey.signer]);
    const after = signCheckpoint(body, newKey.signer);
    const trusted = [oldKey.verifierKey, newKey.verifierKey];
    expect(verifyCheckpoint(before, trusted)).toMatchObject({ ok: true, verifiedBy: [ORIGIN] });
    expect(verifyCheckpoint(during, trusted)).toMatchObject({ ok: true, verifiedBy: [ORIGIN] });
    expect(verifyCheckpoint(during, trusted).checkpoint.signatures).toHaveLength(2);
    expect(verifyCheckpoint(after, trusted).ok).toBe(true);
    // Once the old key is retired from the trust list, only new-key signatures count.
    expect(verifyCheckpoint(before, [newKey.verifierKey]).ok).toBe(false);
    expect(verifyCheckpoint(after, [oldKey.verifierKey]).ok).toBe(false);
    expect(verifyCheckpoint(during, [newKey.verifierKey]).ok).toBe(true);
  });
});

function isWellFormed(note: string): boolean {
  try {
    parseNote(note);
    return true;
  } catch {
    return false;
  }
}

describe('malformed input', () => {
  const rootB64 = tree.root().toString('base64');
  const signatureLine = signed.slice(signed.indexOf('\u2014'));
  const signatureB64 = signatureLine.trim().split(' ')[2]!;
  const withBody = (text: string) => `${text}\n${signatureLine}`;

  const malformed: [string, unknown][] = [
    ['empty string', ''],
    ['not a string', 42],
    ['no blank line', signed.replace('\n\n', '\n')],
    ['no signatures', `${ORIGIN}\n11\n${rootB64}\n\n`],
    ['signature block without final newline', signed.slice(0, -1)],
    ['hyphen instead of em dash', signed.replace('\u2014', '-')],
    ['missing space after em dash', signed.replace('\u2014 ', '\u2014')],
    ['extra space in signature line', signed.replace(` ${signatureB64}`, `  ${signatureB64}`)],
    ['trailing text on signature line', signed.replace(signatureB64, `${signatureB64} x`)],
    ['plus sign in key name', signed.replace(`\u2014 ${ORIGIN}`, '\u2014 a+b')],
    ['invalid base64 signature', signed.replace(signatureB64, `${signatureB64.slice(0, -4)}!!!=`)],
    ['unpadded base64 signature', signed.replace(signatureB64, signatureB64.slice(0, -1))],
    ['non-canonical base64 padding bits', signed.replace(signatureB64, `${signatureB64.slice(0, -2)}9=`)],
    ['signature of only a key id', signed.replace(signatureB64, 'AAAAAA==')],
    ['too many signatures', signed + signatureLine.repeat(100)],
    ['only two body lines', withBody(`${ORIGIN}\n11\n`)],
    ['empty origin', withBody(`\n11\n${rootB64}\n`)],
    ['empty extension line', withBody(`${ORIGIN}\n11\n${rootB64}\n\nextra\n`)],
    ['tree size with leading zero', withBody(`${ORIGIN}\n011\n${rootB64}\n`)],
    ['negative tree size', withBody(`${ORIGIN}\n-1\n${rootB64}\n`)],
    ['tree size with a plus sign', withBody(`${ORIGIN}\n+11\n${rootB64}\n`)],
    ['tree size with a space', withBody(`${ORIGIN}\n 11\n${rootB64}\n`)],
    ['unsafe tree size', withBody(`${ORIGIN}\n9007199254740993\n${rootB64}\n`)],
    ['hex tree size', withBody(`${ORIGIN}\n0xb\n${rootB64}\n`)],
    ['short root hash', withBody(`${ORIGIN}\n11\n${Buffer.alloc(31).toString('base64')}\n`)],
    ['long root hash', withBody(`${ORIGIN}\n11\n${Buffer.alloc(33).toString('base64')}\n`)],
    ['base64url root hash', withBody(`${ORIGIN}\n11\n${Buffer.alloc(32, 0xff).toString('base64url')}\n`)],
    ['CRLF line endings', signed.replaceAll('\n', '\r\n')],
    ['tab in origin', signed.replace(ORIGIN, `${ORIGIN}\t`)],
    ['lone surrogate', signed.replace(ORIGIN, `${ORIGIN}\ud800`)],
  ];

  it.each(malformed)('parseCheckpoint rejects %s', (_name, note) => {
    expect(() => parseCheckpoint(note as string)).toThrow(CheckpointFormatError);
    expect(() => verifyCheckpoint(note as string, [log.verifierKey])).toThrow(CheckpointFormatError);
  });

  it('accepts the unmodified note the malformed cases are derived from', () => {
    expect(parseCheckpoint(withBody(`${ORIGIN}\n11\n${rootB64}\n`)).treeSize).toBe(11);
    expect(parseCheckpoint(signed + signatureLine.repeat(99)).signatures).toHaveLength(100);
  });

  const badBodies: [string, object][] = [
    ['newline in origin', { ...body, origin: 'a\nb' }],
    ['empty origin', { ...body, origin: '' }],
    ['control character in origin', { ...body, origin: 'a\u0007' }],
    ['negative size', { ...body, treeSize: -1 }],
    ['fractional size', { ...body, treeSize: 1.5 }],
    ['short root', { ...body, rootHash: Buffer.alloc(31) }],
    ['root as string', { ...body, rootHash: 'abc' }],
    ['empty extension line', { ...body, extraLines: [''] }],
    ['multi-line extension', { ...body, extraLines: ['a\nb'] }],
  ];

  it.each(badBodies)('signCheckpoint refuses a body with %s', (_name, bad) => {
    expect(() => signCheckpoint(bad as typeof body, log.signer)).toThrow(CheckpointFormatError);
  });

  it('refuses invalid signer names', () => {
    for (const name of ['', 'has space', 'a+b', 'tab\tname']) {
      expect(() => signCheckpoint(body, { ...log.signer, name })).toThrow(CheckpointFormatError);
    }
  });

  it('rejects malformed verifier keys', () => {
    const [name, id, key] = [ORIGIN, ...log.verifierKey.slice(ORIGIN.length + 1).split(/\+(.*)/s)] as [string, string, string];
    const wrongId = ((Number.parseInt(id, 16) + 1) >>> 0).toString(16).padStart(8, '0');
    const raw = Buffer.from(key, 'base64');
    const badKeys = [
      '',
      name,
      `${name}+${id}`,
      `${name}+${wrongId}+${key}`,
      `${name}+${id.slice(1)}+${key}`,
      `other.example+${id}+${key}`,
      `${name}+${id}+${Buffer.concat([Buffer.from([2]), raw.subarray(1)]).toString('base64')}`,
      `${name}+${id}+${raw.subarray(0, 32).toString('base64')}`,
      `${name}+${id}+${key}=`,
      `bad name+${id}+${key}`,
    ];
    for (const bad of badKeys) {
      expect(() => parseVerifierKey(bad), bad).toThrow(VerifierKeyFormatError);
      expect(() => verifyCheckpoint(signed, [bad]), bad).toThrow(VerifierKeyFormatError);
    }
    expect(parseVerifierKey(`${name}+${id.toUpperCase()}+${key}`).name).toBe(name);
    expect(() => verifierKeyString('bad name', raw.subarray(1))).toThrow(VerifierKeyFormatError);
    expect(() => verifierKeyString(name, Buffer.alloc(31))).toThrow(VerifierKeyFormatError);
  });
});
