import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { permissionRule } from '../authz/permissions.ts';
import type { AimsConfig } from '../config.ts';
import { errorResponseSchema } from './schemas.ts';

/**
 * The only way a module registers an HTTP route. A route must name the permission it needs, or
 * say it is `public` (no sign-in) or `authenticated` (any signed-in actor, for self-service such as
 * /api/me and logout). A route without one cannot be registered: deny by default.
 */
export type RouteAccess = string;
export const PUBLIC = 'public';
export const AUTHENTICATED = 'authenticated';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSchema {
  summary: string;
  description?: string;
  tags: string[];
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Record<number, z.ZodType>;
  consumes?: string[];
}

export interface RegisteredRoute {
  method: HttpMethod;
  url: string;
  access: RouteAccess;
  summary: string;
}

export class RouteDefinitionError extends Error {}

type Handler<S extends RouteSchema> = (
  request: FastifyRequest<{
    Params: S['params'] extends z.ZodType ? z.output<S['params']> : unknown;
    Querystring: S['querystring'] extends z.ZodType ? z.output<S['querystring']> : unknown;
    Body: S['body'] extends z.ZodType ? z.output<S['body']> : unknown;
  }>,
  reply: FastifyReply,
) => Promise<unknown>;

export interface RouteDefinition<S extends RouteSchema> {
  method: HttpMethod;
  url: string;
  access: RouteAccess;
  schema: S;
  handler: Handler<S>;
  /** Extra route config (rate limits, body limit; a body limit may depend on the configuration). */
  options?: Pick<RouteShorthandOptions, 'config'> & { bodyLimit?: number | ((config: AimsConfig) => number) };
}

const errorStatuses = [400, 401, 403, 404, 409, 413, 415, 429] as const;

export function checkAccess(method: HttpMethod, url: string, access: RouteAccess | undefined): void {
  if (!access) throw new RouteDefinitionError(`${method} ${url} names no permission; every route must (deny by default)`);
  if (access === PUBLIC || access === AUTHENTICATED) return;
  const rule = permissionRule(access);
  if (!rule) throw new RouteDefinitionError(`${method} ${url} names unknown permission "${access}"`);
  if (method !== 'GET' && rule.kind !== 'write') {
    throw new RouteDefinitionError(`${method} ${url} changes data but names the read permission "${access}"`);
  }
}

export function defineRoute<S extends RouteSchema>(def: RouteDefinition<S>): RouteDefinition<S> {
  return def;
}

/** Registers routes on the app, recording each one so that the permission matrix test can walk them all. */
export function registerRoutes(app: FastifyInstance, routes: RouteDefinition<RouteSchema>[]): void {
  for (const def of routes) {
    checkAccess(def.method, def.url, def.access);
    const response: Record<number, z.ZodType> = { ...def.schema.response };
    for (const status of errorStatuses) response[status] ??= errorResponseSchema;
    app.aimsRoutes.push({ method: def.method, url: def.url, access: def.access, summary: def.schema.summary });
    app.withTypeProvider<ZodTypeProvider>().route({
      method: def.method,
      url: def.url,
      ...(def.options?.bodyLimit !== undefined
        ? { bodyLimit: typeof def.options.bodyLimit === 'function' ? def.options.bodyLimit(app.config) : def.options.bodyLimit }
        : {}),
      config: { ...(def.options?.config ?? {}), access: def.access },
      schema: {
        summary: def.schema.summary,
        tags: def.schema.tags,
        // Only the parts a route declares: Fastify warns about keys that are present but empty.
        ...(def.schema.description ? { description: def.schema.description } : {}),
        ...(def.schema.params ? { params: def.schema.params } : {}),
        ...(def.schema.querystring ? { querystring: def.schema.querystring } : {}),
        ...(def.schema.body ? { body: def.schema.body } : {}),
        response,
        ...(def.access === PUBLIC ? {} : { security: [{ session: [] }, { bearer: [] }] }),
      },
      handler: def.handler as never,
    });
  }
}
