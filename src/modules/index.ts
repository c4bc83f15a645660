import type { RouteDefinition, RouteSchema } from '../platform/http/route.ts';
import { healthRoutes } from '../platform/http/health.routes.ts';
import { identityRoutes } from './identity/routes.ts';
import { ledgerRoutes } from './ledger/routes.ts';
import { frameworkRoutes } from './frameworks/routes.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { evidenceRoutes } from './evidence/routes.ts';
import { soaRoutes } from './soa/routes.ts';

/** Every module's routes. A new module adds its list here; the permission matrix test then covers it. */
export const allRoutes = [...healthRoutes, ...identityRoutes, ...ledgerRoutes, ...frameworkRoutes, ...assessmentRoutes, ...evidenceRoutes, ...soaRoutes] as unknown as RouteDefinition<RouteSchema>[];
