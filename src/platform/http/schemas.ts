import { z } from 'zod';

/** Schemas shared by every module: errors, pagination, optimistic locking. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code from the error catalogue'),
      message: z.string(),
      details: z.unknown().nullable(),
    }),
  })
  .meta({ id: 'Error' });

export const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export const versionField = z.number().int().positive().describe('The version you read; a stale version gets 409 conflict');

/**
 * One list convention for every list endpoint: `limit` (1-500, default 50), `offset`, `sort` as a
 * field name with an optional leading `-` for descending, `q` for text search, plus named filters
 * declared by the endpoint. Responses are `{items, total, limit, offset}`.
 */
export function listQuery<const F extends readonly [string, ...string[]], Filters extends z.ZodRawShape>(
  sortFields: F,
  filters: Filters,
  defaultSort: string = sortFields[0],
) {
  const sortValues = sortFields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.strictObject({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
    sort: z.enum(sortValues).default(defaultSort),
    q: z.string().trim().max(200).optional(),
    ...filters,
  });
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function parseSort(sort: string): { field: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-') ? { field: sort.slice(1), direction: 'desc' } : { field: sort, direction: 'asc' };
}
