

/**
 * Row types of every table, as both dialects return them. Conventions that keep SQLite and
 * PostgreSQL identical: ids are UUID text, timestamps are ISO-8601 UTC text (they sort
 * correctly as text), JSON is stored as text, booleans as 0/1 integers.
 */
export interface OrganisationsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  /** Copy of users.name, kept in step by the identity repository. */
  name: string;
  /** Copy of users.email. */
  email: string;
  department: string | null;
  status: 'active' | 'deactivated';
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MembershipRolesTable {
  membership_id: string;
  role: string;
  expires_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  csrf_token: string;
  auth_method: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  organisation_id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface OidcIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

export interface OidcLoginStatesTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
}



export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  membership_roles: MembershipRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  oidc_identities: OidcIdentitiesTable;
  oidc_login_states: OidcLoginStatesTable;
}
