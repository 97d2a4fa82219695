import { redactSecrets } from './redact.ts';

/**
 * One error type for the whole product. Every error carries a stable `code`
 * that the API maps to problem+json and the UI maps to zh-CN/en messages.
 */
export interface ErrorOptions {
  cause?: unknown;
  /** HTTP status the API should answer with. */
  status?: number;
  /** Whether trying the same operation again may succeed. */
  retryable?: boolean;
  /** Machine-readable details (field errors, limits, ids). Never secrets. */
  details?: Record<string, unknown>;
}

const MARKER = Symbol.for('creatorflow.error');

export class CreatorFlowError extends Error {
  readonly code: string;
  readonly status: number;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;
  readonly [MARKER] = true;

  constructor(code: string, message: string, options: ErrorOptions = {}) {
    // Messages often quote an upstream's answer; a known secret in it never travels further.
    super(redactSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CreatorFlowError';
    this.code = code;
    this.status = options.status ?? 500;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  /** Works across package copies, unlike `instanceof`. */
  static isInstance(value: unknown): value is CreatorFlowError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

export interface FieldIssue {
  /** Dotted path to the offending field, e.g. `members.0.weight`. */
  path: string;
  message: string;
}

export class ValidationError extends CreatorFlowError {
  readonly issues: FieldIssue[];
  constructor(message: string, issues: FieldIssue[], options: Omit<ErrorOptions, 'status'> = {}) {
    super('VALIDATION_FAILED', message, { ...options, status: 400, details: { issues } });
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

export class NotFoundError extends CreatorFlowError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id ? `${what} '${id}' was not found` : `${what} was not found`, {
      status: 404,
      details: id ? { resource: what, id } : { resource: what },
    });
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends CreatorFlowError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, { status: 409, details });
    this.name = 'ConflictError';
  }
}

export class UnauthorizedError extends CreatorFlowError {
  constructor(code = 'AUTH_REQUIRED', message = 'Authentication is required: sign in or pass a valid token') {
    super(code, message, { status: 401 });
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends CreatorFlowError {
  constructor(code = 'FORBIDDEN', message = 'You do not have permission to do this') {
    super(code, message, { status: 403 });
    this.name = 'ForbiddenError';
  }
}

export class RateLimitedError extends CreatorFlowError {
  readonly retryAfterSeconds: number;
  constructor(code: string, message: string, retryAfterSeconds: number, details?: Record<string, unknown>) {
    super(code, message, { status: 429, retryable: true, details: { ...details, retry_after: retryAfterSeconds } });
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Turns a zod-style issue list into our field issues. */
export function toFieldIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((p) => String(p)).join('.'),
    message: issue.message,
  }));
}
