import type { FastifyServerOptions } from 'fastify';

/**
 * Request logs carry the method, the path (without the query string, which may hold search terms
 * about people), status and timing, the request id, and the actor's pseudonymous id. No client IP
 * (personal data under the GDPR), no headers, no bodies, and credentials are redacted whatever
 * path they take.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.secret'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
