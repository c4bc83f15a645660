import { z } from 'zod';
import { ROLES } from '../../platform/authz/roles.ts';
import { listQuery, page, versionField } from '../../platform/http/schemas.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

export const roleSchema = z.enum(ROLES);

const isoDateTime = z.iso.datetime({ offset: true });

export const roleGrantSchema = z
  .strictObject({
    role: roleSchema,
    expiresAt: isoDateTime.nullable().optional().describe('Required for external_auditor'),
  })
  .meta({ id: 'RoleGrant' });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    status: z.enum(['active', 'deactivated']),
    roles: z.array(z.object({ role: roleSchema, expiresAt: z.string().nullable(), expired: z.boolean() })),
    hasPassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
const personName = z.string().trim().min(1).max(200);
const department = z.string().trim().min(1).max(100).nullable().optional();
const password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(256);

export const createUserBody = z.strictObject({
  email,
  name: personName,
  department,
  roles: z.array(roleGrantSchema).min(1).max(ROLES.length),
  password: password.optional().describe('Omit to create an invited user without a password (SSO, or a password set later)'),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  version: versionField,
  name: personName.optional(),
  department,
  roles: z.array(roleGrantSchema).min(1).max(ROLES.length).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const versionBody = z.strictObject({ version: versionField });

export const setPasswordBody = z.strictObject({
  password: password.optional().describe('Omit to generate a temporary password, returned once'),
});

export const usersListQuery = listQuery(['name', 'email', 'created_at', 'status'], {
  status: z.enum(['active', 'deactivated']).optional(),
  role: roleSchema.optional(),
  department: z.string().max(100).optional(),
});
export type UsersListQuery = z.infer<typeof usersListQuery>;
export const usersPage = page(userSchema);

export const importUsersBody = z.strictObject({
  csv: z.string().min(1).max(5_000_000).describe('CSV with a header: email,name,department,roles (roles separated by ";" or "|")'),
  dryRun: z.boolean().default(true),
});
export const importUsersResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
  organisation: z.string().max(64).optional().describe('Organisation slug, when the user belongs to several'),
});

export const organisationSchema = z.object({ id: z.string(), slug: z.string(), name: z.string() }).meta({ id: 'Organisation' });

export const meSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    organisation: organisationSchema,
    organisations: z.array(organisationSchema),
    roles: z.array(z.object({ role: roleSchema, expiresAt: z.string().nullable() })),
    permissions: z.array(z.string()),
    authMethod: z.enum(['session', 'token']),
    csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on every change made with the session cookie'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof tokenSchema>;

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(100)
    .describe('"*" for all your permissions, "read" for all your read permissions, or permission names'),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export const tokensListQuery = listQuery(['created_at', 'name', 'expires_at'], {
  status: z.enum(['active', 'expired', 'revoked']).optional(),
}, '-created_at');

export const rolesResponse = z.object({
  roles: z.array(z.object({ role: roleSchema, description: z.string(), permissions: z.array(z.string()) })),
  permissions: z.array(z.object({ permission: z.string(), kind: z.enum(['read', 'write']), description: z.string(), roles: z.array(roleSchema) })),
});
