import { definePolicy } from '../../platform/authz/permissions.ts';

export const evidencePermissions = definePolicy('evidence', {
  'evidence.read': {
    kind: 'read',
    roles: ['admin', 'council_member', 'compliance_officer', 'risk_manager', 'model_owner', 'dpo', 'internal_auditor', 'external_auditor'],
    description: 'See and download evidence and where it is used',
  },
  'evidence.review': {
    kind: 'write',
    roles: ['admin', 'compliance_officer'],
    description: 'Approve or reject evidence',
  },
  'evidence.manage': {
    kind: 'write',
    roles: ['admin', 'compliance_officer', 'risk_manager', 'model_owner', 'dpo'],
    description: 'Add evidence (files or links), upload new versions, link it to requirements, change its review status',
  },
});
