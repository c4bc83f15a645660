

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



export interface LedgerHeadsTable {
  organisation_id: string;
  size: number;
  updated_at: string;
}

export interface LedgerEntriesTable {
  organisation_id: string;
  seq: number;
  leaf_hash: string;
  event: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  actor: string;
  created_at: string;
}

export interface LedgerNodesTable {
  organisation_id: string;
  level: number;
  idx: number;
  hash: string;
}

export interface LedgerCheckpointsTable {
  organisation_id: string;
  tree_size: number;
  root_hash: string;
  note: string;
  created_at: string;
}

export interface LedgerKeysTable {
  key_id: string;
  name: string;
  verifier_key: string;
  created_at: string;
}

export interface LedgerPrivateTextsTable {
  organisation_id: string;
  seq: number;
  field: string;
  salt: string | null;
  text: string | null;
  erased_at: string | null;
}

export interface OrganisationSecretsTable {
  organisation_id: string;
  pseudonym_key: string;
  created_at: string;
}

export interface CustomFrameworksTable {
  id: string;
  organisation_id: string;
  framework_id: string;
  name: string;
  source: string;
  sha256: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AssessmentsTable {
  id: string;
  organisation_id: string;
  name: string;
  framework_id: string;
  scope: 'aims' | 'ai_system';
  ai_system_id: string | null;
  status: 'active' | 'archived';
  target_maturity: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AssessmentResultsTable {
  id: string;
  organisation_id: string;
  assessment_id: string;
  item_id: string;
  position: number;
  workflow_status: 'to_do' | 'in_progress' | 'in_review' | 'done';
  result: 'compliant' | 'partially_compliant' | 'non_compliant' | 'not_applicable' | null;
  justification: string | null;
  maturity: number | null;
  owner_id: string | null;
  due_date: string | null;
  notes: string | null;
  updated_at: string;
  version: number;
}

export interface AssessmentSnapshotsTable {
  id: string;
  organisation_id: string;
  assessment_id: string;
  label: string;
  kind: 'baseline' | 'snapshot';
  results: string;
  taken_at: string;
}

export interface EvidenceTable {
  id: string;
  organisation_id: string;
  title: string;
  description: string | null;
  kind: 'file' | 'link';
  url: string | null;
  owner_id: string | null;
  review_status: 'draft' | 'in_review' | 'approved' | 'rejected';
  expires_on: string | null;
  file_version: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface EvidenceFilesTable {
  evidence_id: string;
  organisation_id: string;
  file_version: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_at: string;
}

export interface EvidenceLinksTable {
  evidence_id: string;
  organisation_id: string;
  result_id: string;
  created_at: string;
}

export interface SoaVersionsTable {
  id: string;
  organisation_id: string;
  number: number;
  status: 'draft' | 'submitted' | 'approved' | 'superseded';
  author_id: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SoaEntriesTable {
  id: string;
  organisation_id: string;
  soa_version_id: string;
  control_id: string;
  title: string;
  source: 'annex_a' | 'additional';
  position: number;
  applicable: number;
  justification: string | null;
  implementation_status: 'not_started' | 'planned' | 'partially_implemented' | 'implemented';
  risk_refs: string;
  evidence_ids: string;
  version: number;
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
  ledger_heads: LedgerHeadsTable;
  ledger_entries: LedgerEntriesTable;
  ledger_nodes: LedgerNodesTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  ledger_keys: LedgerKeysTable;
  ledger_private_texts: LedgerPrivateTextsTable;
  organisation_secrets: OrganisationSecretsTable;
  custom_frameworks: CustomFrameworksTable;
  assessments: AssessmentsTable;
  assessment_results: AssessmentResultsTable;
  assessment_snapshots: AssessmentSnapshotsTable;
  evidence: EvidenceTable;
  evidence_files: EvidenceFilesTable;
  evidence_links: EvidenceLinksTable;
  soa_versions: SoaVersionsTable;
  soa_entries: SoaEntriesTable;
}
