import { sql } from 'kysely';
import { z } from 'zod';
import { AIMS_VERSION } from './version.ts';
import { defineRoute, PUBLIC } from './route.ts';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    access: PUBLIC,
    schema: {
      summary: 'Health: the database is reachable, and the version',
      tags: ['platform'],
      response: {
        200: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['sqlite', 'postgres']) }),
        503: z.object({ status: z.literal('unavailable'), version: z.string(), database: z.enum(['sqlite', 'postgres']) }),
      },
    },
    handler: async (request, reply) => {
      const { db, dialect } = request.server.database;
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const, version: AIMS_VERSION, database: dialect };
      } catch (err) {
        request.log.error({ err }, 'health check: database unreachable');
        return reply.code(503).send({ status: 'unavailable' as const, version: AIMS_VERSION, database: dialect });
      }
    },
  }),
];
