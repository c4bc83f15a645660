import { definePolicy } from '../../platform/authz/permissions.ts';

export const ledgerPermissions = definePolicy('ledger', {
  'ledger.read': {
    kind: 'read',
    roles: ['admin', 'council_member', 'compliance_officer', 'internal_auditor', 'external_auditor'],
    description: 'Read the audit trail, its proofs, checkpoints and public keys; export and verify it',
  },
  'ledger.read_private': {
    kind: 'read',
    roles: ['admin', 'dpo', 'compliance_officer'],
    description: 'Read the free text kept beside audit-trail entries (it may name people)',
  },
  'ledger.erase': {
    kind: 'write',
    roles: ['admin', 'dpo'],
    description: 'Erase free text kept beside an audit-trail entry (leaves a tombstone; proofs still verify)',
  },
  'ledger.checkpoint': {
    kind: 'write',
    roles: ['admin', 'compliance_officer'],
    description: 'Sign a checkpoint of the audit trail now',
  },
});
