import { PostgresAdapter, type Kysely } from 'kysely';

/** The one place that tells the two databases apart, for the few statements that differ. */
export function dialectOf(db: Kysely<unknown> | Kysely<never>): 'sqlite' | 'postgres' {
  return (db as Kysely<unknown>).getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
