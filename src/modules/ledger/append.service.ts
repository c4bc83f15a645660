import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { DB, LedgerEntriesTable, LedgerNodesTable } from '../../platform/db/tables.ts';
import { nowIso } from '../../platform/db/time.ts';
import { canonicalize } from './canonical-json.ts';
import { ACTION_PATTERN, type LedgerEventInput, type LedgerEventV1 } from './event.ts';
import { frontierAddresses, nodeKey } from './frontier.ts';
import { leafHashOfText, nodesCreatedByAppend } from './merkle.ts';
import { organisationKey, pseudonym, valueDigest } from './pseudonyms.ts';
import * as repo from './repository.ts';

export class LedgerUsageError extends Error {}

export interface Appended {
  firstSeq: number;
  count: number;
}

/** The commitment to a private text: SHA-256 of a random salt and the text. */
export function commitment(salt: string, text: string): string {
  return 'c:' + crypto.createHash('sha256').update(salt).update('\n').update(text).digest('base64url');
}

/**
 * Appends events to the organisation's log inside the caller's transaction, so that a change and
 * its entry commit together or not at all. Sequence numbers come from the head row, whose lock
 * orders concurrent writers (on PostgreSQL across servers too): no gaps, no forks, no duplicates.
 */
export async function appendEvents(tx: Transaction<DB>, actor: Actor, requestId: string | null, inputs: LedgerEventInput[]): Promise<Appended> {
  if (!tx.isTransaction) throw new LedgerUsageError('ledger entries must be appended inside the transaction of the change');
  if (inputs.length === 0) return { firstSeq: -1, count: 0 };
  for (const input of inputs) if (!ACTION_PATTERN.test(input.action)) throw new LedgerUsageError(`invalid ledger action "${input.action}"`);
  const orgId = actor.organisationId;
  const now = nowIso();
  const key = await organisationKey(tx, orgId);
  const firstSeq = await repo.reserveSequence(tx, orgId, inputs.length, now);

  const known = new Map<string, Buffer>();
  for (const [k, hex] of await repo.readNodes(tx, orgId, frontierAddresses(firstSeq))) known.set(k, Buffer.from(hex, 'hex'));
  const getNode = (level: number, index: number) => {
    const hash = known.get(nodeKey(level, index));
    if (!hash) throw new Error(`ledger node ${level}:${index} is missing: the stored tree is damaged`);
    return hash;
  };

  const entries: LedgerEntriesTable[] = [];
  const nodes: LedgerNodesTable[] = [];
  const texts: Array<{ organisation_id: string; seq: number; field: string; salt: string; text: string }> = [];
  const actorRef = actor.userId ? pseudonym(key, actor.userId) : null;
  inputs.forEach((input, i) => {
    const seq = firstSeq + i;
    const privateCommitments: Record<string, string> = {};
    for (const [field, text] of Object.entries(input.privateText ?? {})) {
      const salt = crypto.randomBytes(16).toString('base64url');
      privateCommitments[field] = commitment(salt, text);
      texts.push({ organisation_id: orgId, seq, field, salt, text });
    }
    const resourceId = input.resource.id === null ? null : input.resource.isPerson ? pseudonym(key, input.resource.id) : input.resource.id;
    const event: LedgerEventV1 = {
      v: 1,
      org: orgId,
      seq,
      time: now,
      actor: { type: actor.kind, id: actorRef, token: actor.tokenId ?? null },
      action: input.action,
      resource: { type: input.resource.type, id: resourceId },
      request: requestId,
      changes: (input.changes ?? []).map((c) => ({ field: c.field, old: valueDigest(key, c.old), new: valueDigest(key, c.new) })),
      private: privateCommitments,
    };
    const text = canonicalize(event);
    const leaf = leafHashOfText(text);
    for (const node of nodesCreatedByAppend(seq, leaf, getNode)) {
      known.set(nodeKey(node.level, node.index), node.hash);
      if (node.level > 0) nodes.push({ organisation_id: orgId, level: node.level, idx: node.index, hash: node.hash.toString('hex') });
    }
    entries.push({
      organisation_id: orgId,
      seq,
      leaf_hash: leaf.toString('hex'),
      event: text,
      action: input.action,
      resource_type: input.resource.type,
      resource_id: resourceId,
      actor: actorRef ?? actor.kind,
      created_at: now,
    });
  });
  await repo.insertEntries(tx, entries);
  await repo.insertNodes(tx, nodes);
  await repo.insertPrivateTexts(tx, texts);
  return { firstSeq, count: inputs.length };
}

/** The usual call from a service: one event, attributed to the context's actor and request. */
export async function appendEvent(tx: Transaction<DB>, ctx: ServiceContext, input: LedgerEventInput): Promise<Appended> {
  return appendEvents(tx, ctx.actor, ctx.requestId, [input]);
}
