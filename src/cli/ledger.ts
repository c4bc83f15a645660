import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { unwrap } from '../platform/api-client/client.ts';
import { cliErrorFrom, remoteClient, withServerOptions, type ServerFlags } from './remote.ts';
import type { Command } from 'commander';
import pc from 'picocolors';
import { getOrganisationBySlug } from '../modules/identity/organisations.service.ts';
import { createCheckpoint } from '../modules/ledger/checkpoints.service.ts';
import { ExportFormatError, exportLines, verifyDatabase, verifyExportFile } from '../modules/ledger/export.service.ts';
import { publishKey, rotateKeyFile } from '../modules/ledger/signing-key.ts';
import { originOf } from '../modules/ledger/checkpoints.service.ts';
import { listKeys } from '../modules/ledger/repository.ts';
import type { VerificationResult } from '../modules/ledger/verifier.ts';
import { signerFor } from '../server.ts';
import { sinksOf } from '../modules/ledger/publish.ts';
import { CliError, configFrom, withDatabase, withDatabaseOptions, withOrgOption, type DatabaseFlags } from './options.ts';

/** Exit codes CI understands: 0 intact, 1 tampered, 2 usage error. */
function report(result: VerificationResult, json: boolean): void {
  if (json) console.log(JSON.stringify(result, null, 2));
  else if (result.ok) {
    console.log(pc.green(`intact: ${result.entries} entries, ${result.checkpointsVerified} signed checkpoint(s) verified, root ${result.rootHash}`));
  } else {
    const p = result.problem!;
    const where = p.seq !== null ? `entry ${p.seq}` : p.treeSize !== null ? `checkpoint at size ${p.treeSize}` : 'log';
    console.log(pc.red(`TAMPERED at ${where} (${p.kind}): ${p.message}`));
  }
  process.exitCode = result.ok ? 0 : 1;
}

function readTrusted(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`, 2);
  }
}

function progress(): (n: number) => void {
  if (!process.stderr.isTTY) return () => undefined;
  return (n) => {
    if (n >= 0) process.stderr.write(`\rverified ${n.toLocaleString('en')} entries`);
  };
}

async function exportFromServer(flags: ServerFlags & { out: string }): Promise<void> {
  const client = remoteClient(flags);
  try {
    const body = unwrap(await client.GET('/api/ledger/export', { parseAs: 'stream' }));
    await pipeline(Readable.fromWeb(body as never), fs.createWriteStream(flags.out));
  } catch (e) {
    throw cliErrorFrom(e);
  }
  console.log(`wrote the export of ${flags.server} to ${flags.out}`);
}

export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('The tamper-evident audit trail');

  const verify = ledger
    .command('verify')
    .description('Verify every entry, checkpoint and signature, from the database or from an export file (exit 0 intact, 1 tampered, 2 usage error)')
    .option('--file <file>', 'verify an export file offline (no database, no server)')
    .option('--trusted-checkpoint <file>', 'a checkpoint kept elsewhere; the log must extend it')
    .option('--json', 'print the result as JSON');
  withOrgOption(withDatabaseOptions(verify)).action(async (flags: DatabaseFlags & { org: string; file?: string; trustedCheckpoint?: string; json?: boolean }) => {
    const trustedCheckpoint = readTrusted(flags.trustedCheckpoint);
    if (flags.file) {
      if (!fs.existsSync(flags.file)) throw new CliError(`no such file: ${flags.file}`, 2);
      try {
        report(await verifyExportFile(flags.file, { trustedCheckpoint, onProgress: progress() }), Boolean(flags.json));
      } catch (e) {
        // A file that is not an export at all is a usage error; one that parses but is altered is tampering.
        if (e instanceof ExportFormatError) throw new CliError(`${flags.file}: ${e.message}`, 2);
        throw e;
      }
      return;
    }
    await withDatabase(configFrom(flags), async ({ db }) => {
      const org = await getOrganisationBySlug(db, flags.org);
      report(await verifyDatabase(db, org.id, { trustedCheckpoint, onProgress: progress() }), Boolean(flags.json));
    });
  });

  const exp = ledger
    .command('export')
    .description('Export the log as JSON Lines for offline verification, from the database or from a server (--server, --token)')
    .requiredOption('--out <file>', 'file to write');
  withServerOptions(withOrgOption(withDatabaseOptions(exp))).action(async (flags: DatabaseFlags & ServerFlags & { org: string; out: string }) => {
    if (flags.server) {
      await exportFromServer(flags);
      return;
    }
    await withDatabase(configFrom(flags), async ({ db }) => {
      const org = await getOrganisationBySlug(db, flags.org);
      const out = fs.createWriteStream(flags.out);
      let lines = 0;
      for await (const line of exportLines(db, { id: org.id, slug: org.slug })) {
        if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        lines++;
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      console.log(`wrote ${lines - 1} records to ${flags.out}`);
    });
  });

  const keys = ledger.command('keys').description('Print the origin of the log and every public key that has signed its checkpoints');
  withOrgOption(withDatabaseOptions(keys)).action(async (flags: DatabaseFlags & { org: string }) => {
    await withDatabase(configFrom(flags), async ({ db }) => {
      const org = await getOrganisationBySlug(db, flags.org);
      console.log(`origin ${originOf(org.id)}`);
      for (const k of await listKeys(db)) console.log(k.verifier_key);
    });
  });

  const rotate = ledger
    .command('rotate-key')
    .description('Replace the signing key kept in the data folder; the old public key stays published so old checkpoints still verify');
  withDatabaseOptions(rotate).action(async (flags: DatabaseFlags) => {
    const config = configFrom(flags);
    if (config.ledger.keyPem || config.ledger.keyFile) throw new CliError('the signing key comes from AIMS_LEDGER_KEY or AIMS_LEDGER_KEY_FILE: rotate it there', 2);
    await withDatabase(config, async ({ db }) => {
      const old = signerFor(config);
      await publishKey(db, old);
      const retired = rotateKeyFile(config.dataDir);
      const next = signerFor(config);
      await publishKey(db, next);
      console.log(`retired ${retired}\nnew key ${next.verifierKey}`);
    });
  });

  const checkpoint = ledger.command('checkpoint').description('Sign a checkpoint of the log now and print it (keep a copy elsewhere for --trusted-checkpoint)');
  withOrgOption(withDatabaseOptions(checkpoint)).action(async (flags: DatabaseFlags & { org: string }) => {
    const config = configFrom(flags);
    await withDatabase(config, async ({ db }) => {
      const org = await getOrganisationBySlug(db, flags.org);
      const signer = signerFor(config);
      await publishKey(db, signer);
      const cp = await createCheckpoint(db, org.id, signer, sinksOf(config), (_org, size, errors) => console.error(pc.yellow(`checkpoint ${size} stored but not published: ${errors.join('; ')}`)));
      if (!cp) throw new CliError('the log is empty: nothing to checkpoint', 2);
      process.stdout.write(cp.note);
    });
  });
}
