import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AimsConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { accessHook, type Authenticator } from './authenticate.ts';
import { AppError, errorBody } from './errors.ts';
import { handleError } from './error-handler.ts';
import { loggerOptions } from './logger.ts';
import { registerRoutes, type RouteDefinition, type RouteSchema } from './route.ts';
import './fastify-types.ts';

export { AIMS_VERSION } from './version.ts';
import { AIMS_VERSION } from './version.ts';
/** Default body limit; routes that take files raise it for themselves. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppOptions {
  config: AimsConfig;
  database: Database;
  authenticator: Authenticator;
  routes: RouteDefinition<RouteSchema>[];
  /** Folder of the built web application; served when present. */
  webDir?: string;
  logger?: FastifyServerOptions['logger'] | false;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === undefined ? loggerOptions(options.config.logLevel) : options.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.config.trustProxy,
    // Accept a caller's request id so a trace can cross services; otherwise make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('aimsRoutes', []);
  // Every route Fastify knows, however it was added: the access-matrix test compares this list
  // with the routes registered through registerRoutes, so a route that bypasses them is caught.
  app.decorate('fastifyRoutes', []);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) app.fastifyRoutes.push({ method: String(method), url: route.url });
  });
  app.decorate('database', options.database);
  app.decorate('config', options.config);
  app.decorate('authenticator', options.authenticator);
  app.decorateRequest('actor', null);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('csrfToken', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and the API docs set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: options.config.publicUrl?.startsWith('https://') ? undefined : false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // The plugin throws what this returns; an AppError reaches our error handler like any other.
    errorResponseBuilder: (_req, context) =>
      Object.assign(
        new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`, {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        }),
        { statusCode: 429 },
      ),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'aims API', version: AIMS_VERSION, description: 'The HTTP API of aims, the open AI management system.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'aims_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token created in the web application or with `aims token create`' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  // Binary uploads (evidence files) arrive as octet-streams; routes that accept them set their own limit.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', accessHook(options.authenticator));
  // Every later log line of the request, including Fastify's "request completed", names the actor
  // (a user id, which is pseudonymous) and the organisation.
  app.addHook('preHandler', async (request, reply) => {
    if (!request.actor) return;
    const child = request.log.child({ actor: request.actor.userId ?? request.actor.kind, org: request.actor.organisationId });
    request.log = child;
    reply.log = child;
  });

  registerRoutes(app, options.routes);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || url === '/api') {
      return reply.code(404).send(errorBody('route_not_found', `No endpoint ${request.method} ${url}.`));
    }
    // The single-page application owns every other GET path.
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD')) return reply.sendFile('index.html');
    return reply.code(404).send(errorBody('route_not_found', 'Not found.'));
  });
  return app;
}
