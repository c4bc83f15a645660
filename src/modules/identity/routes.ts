import { authRoutes } from './auth.routes.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { tokensRoutes } from './tokens.routes.ts';
import { usersRoutes } from './users.routes.ts';

export const identityRoutes = [...authRoutes, ...usersRoutes, ...tokensRoutes, ...oidcRoutes];
