/** A problem+json answer (RFC 9457) as the server sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  trace_id?: string;
  errors?: Array<{ path: string; message: string }>;
  [extra: string]: unknown;
}

/** Every failed API call becomes one of these: the server's problem, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly traceId: string | undefined;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? (problem.status === 0 ? 'NETWORK' : `HTTP_${problem.status}`);
    this.traceId = problem.trace_id;
    this.problem = problem;
  }

  static isInstance(error: unknown): error is ApiError {
    return error instanceof Error && error.name === 'ApiError' && 'problem' in error;
  }

  /**
   * The server has no such route at all: the feature's API has not been
   * built into this server yet. Pages show "not available yet" instead of an error.
   */
  get isRouteMissing(): boolean {
    return this.status === 404 && this.problem.resource === 'Route';
  }
}

export function isRouteMissing(error: unknown): boolean {
  return ApiError.isInstance(error) && error.isRouteMissing;
}
