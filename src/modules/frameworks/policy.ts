import { definePolicy } from '../../platform/authz/permissions.ts';
import { ROLES } from '../../platform/authz/roles.ts';

export const frameworkPermissions = definePolicy('frameworks', {
  'frameworks.read': {
    kind: 'read',
    roles: ROLES.filter((r) => r !== 'employee'),
    description: 'Browse and search the framework catalogues and crosswalks',
  },
  'frameworks.manage': {
    kind: 'write',
    roles: ['admin', 'compliance_officer'],
    description: 'Import the organisation\'s own (custom) frameworks',
  },
});
