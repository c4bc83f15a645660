import { definePolicy } from '../../platform/authz/permissions.ts';

export const soaPermissions = definePolicy('soa', {
  'soa.read': {
    kind: 'read',
    roles: ['admin', 'council_member', 'compliance_officer', 'risk_manager', 'model_owner', 'dpo', 'internal_auditor', 'external_auditor'],
    description: 'Read every version of the Statement of Applicability and the differences between them',
  },
  'soa.edit': {
    kind: 'write',
    roles: ['admin', 'compliance_officer'],
    description: 'Draft a new version of the Statement of Applicability and submit it for approval',
  },
  'soa.approve': {
    kind: 'write',
    roles: ['council_member'],
    description: 'Approve or send back a submitted Statement of Applicability (not one you drafted)',
  },
});
