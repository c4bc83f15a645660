import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { AppError } from '../platform/http/errors.ts';
import { ConfigError } from '../platform/config.ts';
import { SigningKeyError } from '../modules/ledger/signing-key.ts';
import { AIMS_VERSION } from '../platform/http/version.ts';
import { registerDb } from './db.ts';
import { registerDemo } from './demo.ts';
import { registerLedger } from './ledger.ts';
import { registerOpenApi } from './openapi.ts';
import { CliError } from './options.ts';
import { registerServe } from './serve.ts';
import { registerToken } from './token.ts';
import { registerUser } from './user.ts';

const program = new Command('aims')
  .description('aims: the open AI management system')
  .version(AIMS_VERSION)
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerDb(program);
registerUser(program);
registerToken(program);
registerDemo(program);
registerLedger(program);
registerOpenApi(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof CliError || err instanceof AppError || err instanceof ConfigError || err instanceof SigningKeyError) {
    console.error(pc.red(`aims: ${err.message}`));
    process.exit(err instanceof CliError ? err.exitCode : 2);
  }
  console.error(pc.red(`aims: ${(err as Error).message}`));
  process.exit(1);
}
