import type { Actor } from './authz/actor.ts';
import type { Db } from './db/database.ts';

/** What a service needs to act: the database, who acts, and the request to attribute the change to. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  requestId: string | null;
}
