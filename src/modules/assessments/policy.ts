import { definePolicy } from '../../platform/authz/permissions.ts';

export const assessmentPermissions = definePolicy('assessments', {
  'assessments.read': {
    kind: 'read',
    roles: ['admin', 'council_member', 'compliance_officer', 'risk_manager', 'model_owner', 'dpo', 'internal_auditor', 'external_auditor'],
    description: 'See gap assessments, their results, posture through the crosswalks, and snapshots',
  },
  'assessments.manage': {
    kind: 'write',
    roles: ['admin', 'compliance_officer'],
    description: 'Create gap assessments, record results, take snapshots',
  },
});
