import { CompiledQuery } from 'kysely';
import type { DbOrTx } from './database.ts';
import { dialectOf } from './dialect.ts';

const CHUNK_ROWS = 64;
const sqlCache = new Map<string, string>();

function insertSql(table: string, columns: readonly string[], rows: number, postgres: boolean): string {
  const key = `${postgres ? 'pg' : 'lite'}|${table}|${columns.join(',')}|${rows}`;
  let text = sqlCache.get(key);
  if (!text) {
    let n = 0;
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) tuples.push(`(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`);
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
    sqlCache.set(key, text);
  }
  return text;
}

/**
 * Multi-row INSERT for hot paths (the ledger): fixed-size chunks give identical SQL text, so the
 * statement is prepared once and reused, and no query builder runs per row. Table and column
 * names come from code, never from input.
 */
export async function bulkInsert<T extends object>(db: DbOrTx, table: string, columns: readonly (keyof T & string)[], rows: readonly T[]): Promise<void> {
  const postgres = dialectOf(db as never) === 'postgres';
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const params: unknown[] = [];
    for (const row of chunk) for (const c of columns) params.push(row[c]);
    await db.executeQuery(CompiledQuery.raw(insertSql(table, columns, chunk.length, postgres), params));
  }
}
