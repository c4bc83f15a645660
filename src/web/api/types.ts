import type { components } from '../../platform/api-client/schema.d.ts';

/** Shapes of the API, named for the web application; they come from the OpenAPI document. */
type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type User = Schemas['User'];
export type Role = Schemas['RoleGrant']['role'];
export type RoleGrantInput = Schemas['RoleGrant'];
export type ApiToken = Schemas['ApiToken'];
export type UserStatus = User['status'];
export type LedgerEntry = Schemas['LedgerEntry'];
export type LedgerCheckpoint = Schemas['LedgerCheckpoint'];
export type FrameworkSummary = Schemas['FrameworkSummary'];
export type FrameworkItem = Schemas['FrameworkItem'];
export type FrameworkItemType = FrameworkItem['type'];
export type CrosswalkMapping = Schemas['CrosswalkMapping'];
