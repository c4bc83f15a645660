import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

/**
 * The typed client of the aims API, generated from the OpenAPI document (`npm run gen:api`) and
 * shared by the web application and the CLI. A test fails when the generated file is stale.
 */
export type AimsPaths = paths;

export interface AimsClientOptions {
  baseUrl: string;
  /** API token for automation; sent as `Authorization: Bearer`. */
  token?: string;
  /** The session's CSRF token, read at each request (the web application keeps it after login). */
  csrfToken?: () => string | null;
  fetch?: typeof fetch;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createAimsClient(options: AimsClientOptions) {
  const client = createClient<paths>({ baseUrl: options.baseUrl, credentials: 'same-origin', ...(options.fetch ? { fetch: options.fetch } : {}) });
  const auth: Middleware = {
    onRequest({ request }) {
      if (options.token) request.headers.set('authorization', `Bearer ${options.token}`);
      const csrf = options.csrfToken?.();
      if (csrf && UNSAFE.has(request.method)) request.headers.set('x-csrf-token', csrf);
      return request;
    },
  };
  client.use(auth);
  return client;
}

export type AimsClient = ReturnType<typeof createAimsClient>;

/** Returns the data of a response, or throws an ApiError carrying the catalogue's code. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = result.error as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
    throw new ApiError(
      result.response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `HTTP ${result.response.status}`,
      body?.error?.details ?? null,
    );
  }
  return result.data as T;
}
