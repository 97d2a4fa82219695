import pino, { type Logger } from 'pino';
import { redactSecrets } from '@creatorflow/core';

/** Paths that may hold secrets anywhere in a log line; pino replaces them. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-local-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.apiKey',
  '*.api_key',
  '*.token',
  '*.secret',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.cookies',
  '*.credentials',
];

/** Query parameters that carry a credential: the local session token (`?token=`, for EventSource and links), OAuth codes, signatures. */
const SECRET_QUERY = /^(token|access_token|refresh_token|api_key|apikey|key|code|sig|signature|ticket|password)$/i;

/** A URL as a log line may show it: credential query values replaced, the rest kept for debugging. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return eq >= 0 && SECRET_QUERY.test(decoded) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer, with the URL made loggable (ours wins over Fastify's default, see logger-factory). */
export const serializers = {
  req(req: LoggedRequest) {
    return { method: req.method, url: typeof req.url === 'string' ? loggableUrl(req.url) : req.url, host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
  },
};

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers,
      // The last line of defence: every secret this process knows (redact.ts) is scrubbed from the finished line,
      // wherever in it an error message or upstream body put it.
      hooks: { streamWrite: (line) => redactSecrets(line) },
    },
    destination,
  );
}
