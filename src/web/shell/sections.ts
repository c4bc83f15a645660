/** A page that already exists inside a capability whose main page is not built yet. */
export interface CapabilityPage {
  path: string;
  label: string;
  summary: string;
}

/**
 * The capabilities of aims (PRODUCT.md), in the order people meet them. A capability without a
 * page yet still gets a navigation entry and a page that says so plainly: people learn what aims
 * will do, and nobody mistakes an empty screen for missing data. Parts of a capability that are
 * ready before the rest are listed as its `pages`, under it in the navigation.
 */
export interface CapabilitySection {
  path: string;
  label: string;
  /** What the capability does (or will do), in one sentence. */
  summary: string;
  /** The capability has its page; the others show "not available yet". */
  available?: boolean;
  /** Pages of this capability that are available already, even though the capability is not. */
  pages?: readonly CapabilityPage[];
}

export const CAPABILITY_SECTIONS: readonly CapabilitySection[] = [
  {
    path: '/inventory',
    label: 'AI inventory & lineage',
    summary: 'Record every AI system, model, version, dataset and third-party component with owners, purpose and lineage from dataset to deployment.',
  },
  {
    path: '/classification',
    label: 'Risk classification',
    summary: 'Classify each AI system under the EU AI Act and into an internal risk tier that decides the controls, reviews and approvals it needs.',
  },
  {
    path: '/gap-assessment',
    label: 'Gap assessment & SoA',
    summary: 'Assess the organisation against every ISO/IEC 42001 clause and Annex A control and keep the Statement of Applicability as an approved, versioned record.',
    pages: [
      {
        path: '/assessments',
        label: 'Gap assessments',
        summary: 'Assess the organisation item by item against ISO/IEC 42001, see the posture it gives under the EU AI Act, the NIST AI RMF and the GDPR, and follow maturity, readiness and snapshots.',
      },
      {
        path: '/evidence',
        label: 'Evidence',
        summary: 'Keep the files and links that show each requirement is met, with review, expiry, versions and a SHA-256 checked on every download.',
      },
      {
        path: '/catalogue',
        label: 'Framework catalogue',
        summary: 'Browse and search ISO/IEC 42001, the EU AI Act, the NIST AI RMF and the GDPR item by item, with guidance, typical evidence, auditor questions and the crosswalks between them.',
      },
    ],
  },
  {
    path: '/risk',
    label: 'Risk & impact assessments',
    summary: 'Keep the AI risk register with treatment plans and run AI system impact assessments, DPIAs and fundamental-rights impact assessments.',
  },
  {
    path: '/fairness',
    label: 'Fairness & bias',
    summary: 'Check model predictions for bias with group and intersectional metrics, gate deployments in CI and follow mitigations when a check fails.',
  },
  {
    path: '/lifecycle',
    label: 'Model lifecycle & approvals',
    summary: 'Move models through stage gates set by their risk tier, with approvals that enforce quorum and separation of duties.',
  },
  {
    path: '/decisions',
    label: 'Decisions & human oversight',
    summary: 'Log individual algorithmic decisions, review flagged high-impact ones and answer data-subject requests without breaking the audit trail.',
  },
  {
    path: '/audit-trail',
    label: 'Audit trail',
    summary: 'Browse and verify the tamper-evident log of every change and decision, with signed checkpoints anyone can check offline.',
    available: true,
  },
  {
    path: '/governance',
    label: 'Governance',
    summary: 'Run the AI Governance Council, the RACI matrix, versioned policies with acknowledgements and role-based training with per-person completion.',
  },
  {
    path: '/internal-audit',
    label: 'Internal audit & improvement',
    summary: 'Plan quarterly and mock-certification audits, record findings and nonconformities and follow corrective actions to an effectiveness check.',
  },
  {
    path: '/maturity',
    label: 'Maturity & readiness',
    summary: 'Score maturity per clause and Annex A group over time and list what still blocks certification.',
  },
  {
    path: '/reports',
    label: 'Documentation pack & reports',
    summary: 'Produce the dated ISO/IEC 42001 documentation pack, exports, model cards and the AI bill of materials in one action.',
  },
  {
    path: '/obligations',
    label: 'Regulatory obligations',
    summary: 'List the EU AI Act and GDPR obligations that apply to each AI system, with coverage status and key dates.',
  },
  {
    path: '/supply-chain',
    label: 'Supply chain / AI-BOM',
    summary: 'Verify artifact digests of models and datasets, assess third-party components and vendors, and import or export the AI-BOM.',
  },
];

/** Pages that exist today, with the permission that opens them (none: every signed-in person). */
export interface AdminSection {
  path: string;
  label: string;
  permission: string | null;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: '/admin/users', label: 'Users', permission: 'identity.users.read' },
  { path: '/admin/roles', label: 'Roles & permissions', permission: 'identity.roles.read' },
];
