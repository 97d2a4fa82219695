import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CreatorFlowError, RateLimitedError, redactDeep } from '@creatorflow/core';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  trace_id: string;
  errors?: Array<{ path: string; message: string }>;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function problemType(code: string): string {
  return `https://creatorflow.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

const snakePath = (path: string): string => path.replace(/[a-z0-9][A-Z]/g, (pair) => `${pair[0]}_${pair[1]!.toLowerCase()}`);

/** Converts anything thrown in a route into one problem+json document. */
export function toProblem(error: unknown, traceId: string): Problem {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    return {
      type: problemType('VALIDATION_FAILED'),
      title: TITLES[400]!,
      status: 400,
      detail: `The request ${where} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      code: 'VALIDATION_FAILED',
      trace_id: traceId,
      errors,
    };
  }
  if (CreatorFlowError.isInstance(error)) {
    const details = error.details ?? {};
    // Domains name refused fields as their own camelCase properties (coverAssetId); the API names them in snake_case.
    const issues = Array.isArray(details.issues) ? (details.issues as NonNullable<Problem['errors']>).map((i) => ({ ...i, path: snakePath(i.path) })) : undefined;
    const { issues: _omit, ...rest } = details;
    return {
      type: problemType(error.code),
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      code: error.code,
      trace_id: traceId,
      ...(issues ? { errors: issues } : {}),
      ...rest,
    };
  }
  const dataError = postgresDataException(error);
  if (dataError) {
    return {
      type: problemType('VALUE_INVALID'),
      title: TITLES[400]!,
      status: 400,
      detail: `A value in the request cannot be stored or compared: ${dataError}. Check numbers are in range and ids are well formed.`,
      code: 'VALUE_INVALID',
      trace_id: traceId,
    };
  }
  const fastifyError = error as FastifyError;
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : (fastifyError.code ?? 'BAD_REQUEST');
    return {
      type: problemType(code),
      title: TITLES[status] ?? 'Error',
      status,
      detail: fastifyError.message,
      code,
      trace_id: traceId,
    };
  }
  return {
    type: problemType('INTERNAL'),
    title: TITLES[500]!,
    status: 500,
    detail: `An unexpected error occurred. Report trace id ${traceId} if it keeps happening.`,
    code: 'INTERNAL',
    trace_id: traceId,
  };
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a number out of range for its column, text
 * that is not a uuid or not JSON) come from values the client sent that a route's schema let
 * through. A backstop so they answer 400 rather than 500 (found by the route fuzz suite, issue
 * 17); routes should still validate such values themselves. The message names the condition
 * only, never the query or its parameters.
 */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22003': 'a number is out of range',
  '22P02': 'a value is not in the expected form (an id, a number or JSON)',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'text is not valid UTF-8',
  '22P05': 'text contains a character that cannot be stored',
  '22001': 'a text is too long',
  '22023': 'a parameter value is invalid',
};

function postgresDataException(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return DATA_EXCEPTIONS[e.code] ?? 'a value is not valid';
  }
  return undefined;
}

/** Logs a problem the way every answer does: failures at error with their cause, refusals at info. */
export function logProblem(log: Pick<FastifyBaseLogger, 'error' | 'info'>, problem: Problem, error: unknown): void {
  if (problem.status >= 500) log.error({ err: error, trace_id: problem.trace_id }, 'request failed');
  else log.info({ code: problem.code, trace_id: problem.trace_id }, problem.detail);
}

/** The `Retry-After` header value (whole seconds, at least 1) for a 429, else undefined. */
export function retryAfterHeader(error: unknown): string | undefined {
  if (!(error instanceof RateLimitedError || (CreatorFlowError.isInstance(error) && error.status === 429))) return undefined;
  const retryAfter = (error as RateLimitedError).retryAfterSeconds ?? Number(error.details?.retry_after ?? 1);
  return String(Math.max(1, Math.ceil(retryAfter)));
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  // Details and messages may quote an upstream: no known secret leaves in an error answer (core/redact.ts).
  const problem = redactDeep(toProblem(error, request.traceId));
  logProblem(request.log, problem, error);
  const retryAfter = retryAfterHeader(error);
  if (retryAfter) void reply.header('retry-after', retryAfter);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
