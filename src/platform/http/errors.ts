/**
 * The one error catalogue of the API. Codes are stable: clients and scripts branch on them, so a
 * code is never renamed or reused for another meaning. Bodies are `{error: {code, message, details}}`.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, message: 'The request is not valid.' },
  bad_request: { status: 400, message: 'The request cannot be processed.' },
  malformed_json: { status: 400, message: 'The request body is not valid JSON.' },
  unsupported_media_type: { status: 415, message: 'The request body must be JSON.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unauthenticated: { status: 401, message: 'Sign in first.' },
  session_expired: { status: 401, message: 'Your session has expired; sign in again.' },
  invalid_token: { status: 401, message: 'The API token is invalid, expired or revoked.' },
  invalid_credentials: { status: 401, message: 'The email or password is wrong.' },
  csrf_failed: { status: 403, message: 'The CSRF token is missing or wrong.' },
  forbidden: { status: 403, message: 'You are not allowed to do this.' },
  not_found: { status: 404, message: 'Not found.' },
  route_not_found: { status: 404, message: 'No such endpoint.' },
  method_not_allowed: { status: 405, message: 'Method not allowed.' },
  conflict: { status: 409, message: 'The record was changed by someone else; reload and try again.' },
  already_exists: { status: 409, message: 'A record with these values already exists.' },
  invalid_state: { status: 409, message: 'The record is not in a state that allows this.' },
  integrity_failed: { status: 409, message: 'The stored file no longer matches its recorded SHA-256.' },
  rate_limited: { status: 429, message: 'Too many requests; wait and try again.' },
  sso_not_configured: { status: 404, message: 'Single sign-on is not configured.' },
  sso_failed: { status: 401, message: 'Single sign-on failed.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
  service_unavailable: { status: 503, message: 'The service is not available.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCatalogue[code].message);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details ?? null;
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found.`);
export const forbidden = (message?: string) => new AppError('forbidden', message);
export const conflict = (message?: string, details?: unknown) => new AppError('conflict', message, details);

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export function errorBody(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}
