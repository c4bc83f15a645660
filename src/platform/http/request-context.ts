import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../context.ts';
import { AppError } from './errors.ts';

/** The service context of an authenticated request. */
export function contextOf(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError('unauthenticated');
  return { db: request.server.database.db, actor: request.actor, requestId: request.id };
}
