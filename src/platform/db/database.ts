import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** Human-readable location without credentials, for logs and `aims db status`. */
  location: string;
  /** The PostgreSQL schema aims lives in, when not the default one. */
  schema?: string | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** SQLite file name inside dataDir, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests get their own). */
  pgSchema?: string;
  pgPoolSize?: number;
}

// PostgreSQL returns int8 (COUNT(*), SUM) as strings to avoid precision loss; our counts fit
// in a double, so parse them once here rather than at every call site.
pg.types.setTypeParser(20, (v) => Number(v));

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.pgPoolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      location: redactUrl(options.databaseUrl) + (options.pgSchema ? ` (schema ${options.pgSchema})` : ''),
      schema: options.pgSchema,
      close: () => db.destroy(),
    };
  }
  const file = options.sqliteFile ?? 'aims.sqlite';
  let target = file;
  if (file !== ':memory:') {
    const dir = options.dataDir ?? './data';
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    target = path.join(dir, file);
  }
  const sqlite = new SQLite(target);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Several processes (a server and a CLI command) may share the file: wait instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: target, close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; better-sqlite3 statements can be reused, and preparing is
 * a large share of a small query's cost. Kysely holds SQLite's single connection under a mutex,
 * so a cached statement is never used by two queries at once.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (query: string) => {
      let statement = cache.get(query);
      if (statement) {
        // Refresh its place so that the least recently used statement is dropped first.
        cache.delete(query);
      } else {
        statement = sqlite.prepare(query);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(query, statement);
      return statement;
    },
  };
}
