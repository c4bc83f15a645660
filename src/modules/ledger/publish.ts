import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { AimsConfig } from '../../platform/config.ts';
import type { CheckpointRecord, PublishErrorHandler } from './checkpoints.service.ts';

/**
 * Sends each new checkpoint to places the operator does not control: a folder synced elsewhere
 * and/or an HTTP endpoint (a witness, a bucket with object lock). Whoever holds an older
 * checkpoint can later prove with `aims ledger verify --trusted-checkpoint` that the log still
 * extends it, so a truncated or rewritten and re-signed log is caught.
 */
export interface CheckpointSinks {
  dir?: string | undefined;
  url?: string | undefined;
}

export interface PublishOutcome {
  file: string | null;
  httpStatus: number | null;
  errors: string[];
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text, { mode: 0o644 });
  fs.renameSync(tmp, file);
}

export async function publishCheckpoint(sinks: CheckpointSinks, organisationId: string, checkpoint: CheckpointRecord): Promise<PublishOutcome> {
  const outcome: PublishOutcome = { file: null, httpStatus: null, errors: [] };
  if (sinks.dir) {
    try {
      const dir = path.join(sinks.dir, organisationId);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `checkpoint-${String(checkpoint.treeSize).padStart(12, '0')}.txt`);
      writeAtomically(file, checkpoint.note);
      writeAtomically(path.join(dir, 'latest.txt'), checkpoint.note);
      outcome.file = file;
    } catch (e) {
      outcome.errors.push(`folder ${sinks.dir}: ${(e as Error).message}`);
    }
  }
  if (sinks.url) {
    try {
      const res = await fetch(sinks.url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-aims-organisation': organisationId, 'x-aims-tree-size': String(checkpoint.treeSize) },
        body: checkpoint.note,
        signal: AbortSignal.timeout(10_000),
      });
      outcome.httpStatus = res.status;
      if (!res.ok) outcome.errors.push(`${sinks.url} answered ${res.status}`);
    } catch (e) {
      outcome.errors.push(`${sinks.url}: ${(e as Error).message}`);
    }
  }
  return outcome;
}

export function sinksOf(config: AimsConfig): CheckpointSinks {
  return { dir: config.ledger.publishDir, url: config.ledger.publishUrl };
}

export function publishErrorLogger(log: FastifyBaseLogger): PublishErrorHandler {
  return (organisationId, treeSize, errors) => log.warn({ organisationId, treeSize, errors }, 'ledger checkpoint stored but not published');
}
