import { definePolicy } from '../../platform/authz/permissions.ts';

export const ledgerPermissions = definePolicy('ledger', {
  'ledger.read': {
    kind: 'read',
    roles: ['admin', 'council_member', 'compliance_officer', 'internal_auditor', 'external_auditor'],
    description: 'Read the audit trail, its proofs, checkpoints and public keys; export and verify it',
  },
  'ledger.checkpoint': {
    kind: 'write',
    roles: ['admin', 'compliance_officer'],
    description: 'Sign a checkpoint of the audit trail now',
  },
});
