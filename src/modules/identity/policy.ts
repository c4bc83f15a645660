import { definePolicy } from '../../platform/authz/permissions.ts';
import { ROLES } from '../../platform/authz/roles.ts';

const everyone = ROLES;
const everyoneButExternal = ROLES.filter((r) => r !== 'external_auditor');

export const identityPermissions = definePolicy('identity', {
  'identity.users.read': {
    kind: 'read',
    roles: ['admin', 'council_member', 'compliance_officer', 'internal_auditor', 'external_auditor'],
    description: 'See the people of the organisation and their roles',
  },
  'identity.users.manage': {
    kind: 'write',
    roles: ['admin'],
    description: 'Create, import, change, deactivate and reactivate users; assign roles; set passwords',
  },
  'identity.roles.read': { kind: 'read', roles: everyone, description: 'See the roles and what each may do' },
  'identity.tokens.read_own': { kind: 'read', roles: everyone, description: 'List your own API tokens' },
  'identity.tokens.manage_own': {
    kind: 'write',
    roles: everyoneButExternal,
    description: 'Create and revoke your own API tokens',
  },
});
