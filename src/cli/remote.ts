import { Option, type Command } from 'commander';
import { ApiError, createAimsClient, type AimsClient } from '../platform/api-client/client.ts';
import { CliError } from './options.ts';

/**
 * Commands that can work against a running aims server instead of its database (an external
 * auditor has an API token, not database access) take --server and --token, and talk to it
 * through the same typed client as the web application.
 */
export function withServerOptions(command: Command): Command {
  return command
    .addOption(new Option('--server <url>', 'aims server to use instead of the database, e.g. https://aims.example.com').env('AIMS_SERVER'))
    .addOption(new Option('--token <token>', 'API token for --server').env('AIMS_TOKEN'));
}

export interface ServerFlags {
  server?: string;
  token?: string;
}

export function remoteClient(flags: ServerFlags): AimsClient {
  if (!flags.server) throw new CliError('--server is required', 2);
  if (!flags.token) throw new CliError('--token (or AIMS_TOKEN) is required with --server', 2);
  try {
    new URL(flags.server);
  } catch {
    throw new CliError(`--server is not a URL: ${flags.server}`, 2);
  }
  return createAimsClient({ baseUrl: flags.server.replace(/\/$/, ''), token: flags.token });
}

/** An API refusal (bad token, no permission) is the caller's to fix: exit 2 with the server's message. */
export function cliErrorFrom(error: unknown): Error {
  if (error instanceof ApiError) return new CliError(`the server refused: ${error.message} (${error.code})`, error.status < 500 ? 2 : 1);
  if (error instanceof TypeError) return new CliError(`cannot reach the server: ${error.message}`, 1);
  return error as Error;
}
