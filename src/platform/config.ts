import path from 'node:path';
import { isRole, ROLES_REQUIRING_EXPIRY } from './authz/roles.ts';

/**
 * Runtime settings of an aims process. Every value comes from a command-line flag or, when the
 * flag is absent, from its AIMS_* environment variable, then a default. Resolution lives here so
 * that the server, the CLI and the tests agree on one meaning for each setting.
 */
export interface AimsConfig {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL URL; when absent aims uses SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** Public base URL (used for OIDC redirects and Secure cookies behind a TLS proxy). */
  publicUrl: string | undefined;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimitPerMinute: number;
  logLevel: string;
  demoPassword: string | undefined;
  oidc: OidcConfig | undefined;
  ledger: LedgerConfig;
  /** Largest evidence upload accepted, in bytes. */
  evidenceMaxBytes: number;
}

export interface LedgerConfig {
  /** PEM of the Ed25519 checkpoint signing key; else keyFile; else generated in the data folder. */
  keyPem: string | undefined;
  keyFile: string | undefined;
  keyName: string;
  /** A checkpoint is signed after this many new entries ... */
  checkpointEntries: number;
  /** ... or when new entries are older than this. */
  checkpointSeconds: number;
  /** A folder synced elsewhere where each new checkpoint is written. */
  publishDir: string | undefined;
  /** An HTTP endpoint each new checkpoint is POSTed to (text/plain). */
  publishUrl: string | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Role granted on a first login when no group maps to a role; never admin. */
  defaultRole: string;
  /** Identity-provider group name -> aims role. */
  groupRoles: Record<string, string>;
  /** Organisation that OIDC users join. */
  organisationSlug: string;
  groupsClaim: string;
  label: string;
}

export type ConfigOverrides = Partial<Omit<AimsConfig, 'oidc' | 'ledger'>>;

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export class ConfigError extends Error {}

function parseGroupRoles(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  // Format: "group=role,other group=role2"; kept as plain text so it fits in an environment variable.
  const map: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    const [group, role] = pair.split('=').map((s) => s.trim());
    if (!group || !role) throw new ConfigError(`AIMS_OIDC_GROUP_ROLES: cannot read "${pair}" (expected group=role)`);
    map[group] = role;
  }
  return map;
}

/**
 * Roles single sign-on may grant without an administrator choosing them: a known role that needs
 * no expiry date (a group mapping cannot supply one).
 */
function checkGrantableRole(role: string, name: string): void {
  if (!isRole(role)) throw new ConfigError(`${name}: "${role}" is not an aims role`);
  if (ROLES_REQUIRING_EXPIRY.has(role)) throw new ConfigError(`${name}: ${role} needs an expiry date, so single sign-on cannot grant it`);
}

function oidcFrom(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  if (!env.AIMS_OIDC_ISSUER) return undefined;
  if (!env.AIMS_OIDC_CLIENT_ID) throw new ConfigError('AIMS_OIDC_CLIENT_ID is required when AIMS_OIDC_ISSUER is set');
  const defaultRole = env.AIMS_OIDC_DEFAULT_ROLE || 'employee';
  checkGrantableRole(defaultRole, 'AIMS_OIDC_DEFAULT_ROLE');
  // Anyone the identity provider lets in would become an administrator: admin must come from an
  // explicit group mapping only.
  if (defaultRole === 'admin') throw new ConfigError('AIMS_OIDC_DEFAULT_ROLE must not be admin; map an identity-provider group to admin instead');
  const groupRoles = parseGroupRoles(env.AIMS_OIDC_GROUP_ROLES);
  for (const role of Object.values(groupRoles)) checkGrantableRole(role, 'AIMS_OIDC_GROUP_ROLES');
  return {
    issuer: env.AIMS_OIDC_ISSUER,
    clientId: env.AIMS_OIDC_CLIENT_ID,
    clientSecret: env.AIMS_OIDC_CLIENT_SECRET || undefined,
    defaultRole,
    groupRoles,
    organisationSlug: env.AIMS_OIDC_ORG || 'northwind',
    groupsClaim: env.AIMS_OIDC_GROUPS_CLAIM || 'groups',
    label: env.AIMS_OIDC_LABEL || 'Single sign-on',
  };
}

function publishUrlFrom(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`AIMS_LEDGER_PUBLISH_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('AIMS_LEDGER_PUBLISH_URL must be http(s)');
  return url.toString();
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): AimsConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as ConfigOverrides;
  return {
    host: env.AIMS_HOST || '127.0.0.1',
    port: intFrom(env.AIMS_PORT, 8080, 'AIMS_PORT'),
    dataDir: path.resolve(env.AIMS_DATA_DIR || './data'),
    databaseUrl: env.AIMS_DATABASE_URL || undefined,
    publicUrl: env.AIMS_PUBLIC_URL || undefined,
    trustProxy: env.AIMS_TRUST_PROXY === 'true' || env.AIMS_TRUST_PROXY === '1',
    sessionIdleMinutes: intFrom(env.AIMS_SESSION_IDLE_MINUTES, 8 * 60, 'AIMS_SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: intFrom(env.AIMS_SESSION_ABSOLUTE_HOURS, 7 * 24, 'AIMS_SESSION_ABSOLUTE_HOURS'),
    loginRateLimitPerMinute: intFrom(env.AIMS_LOGIN_RATE_LIMIT, 10, 'AIMS_LOGIN_RATE_LIMIT'),
    logLevel: env.AIMS_LOG_LEVEL || 'info',
    demoPassword: env.AIMS_DEMO_PASSWORD || undefined,
    oidc: oidcFrom(env),
    evidenceMaxBytes: intFrom(env.AIMS_EVIDENCE_MAX_BYTES, 20 * 1024 * 1024, 'AIMS_EVIDENCE_MAX_BYTES'),
    ledger: {
      keyPem: env.AIMS_LEDGER_KEY || undefined,
      keyFile: env.AIMS_LEDGER_KEY_FILE || undefined,
      keyName: env.AIMS_LEDGER_KEY_NAME || 'aims',
      checkpointEntries: intFrom(env.AIMS_LEDGER_CHECKPOINT_ENTRIES, 1000, 'AIMS_LEDGER_CHECKPOINT_ENTRIES') || 1000,
      checkpointSeconds: intFrom(env.AIMS_LEDGER_CHECKPOINT_SECONDS, 60, 'AIMS_LEDGER_CHECKPOINT_SECONDS') || 60,
      publishDir: env.AIMS_LEDGER_PUBLISH_DIR || undefined,
      publishUrl: publishUrlFrom(env.AIMS_LEDGER_PUBLISH_URL),
    },
    ...defined,
    ...(defined.dataDir ? { dataDir: path.resolve(defined.dataDir) } : {}),
  };
}
