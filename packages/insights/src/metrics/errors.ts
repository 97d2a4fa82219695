import { CreatorFlowError, type ErrorOptions } from '@creatorflow/core';

/**
 * Error codes of metric collection (each has a zh-CN and English message in the web app):
 * METRICS_DATE_RANGE, METRICS_QUOTA, METRICS_UNAUTHORIZED, METRICS_CREDENTIAL_MISSING,
 * METRICS_POST_ID_UNKNOWN, METRICS_PLATFORM_UNSUPPORTED, METRICS_PLATFORM_ERROR,
 * METRICS_NETWORK, METRICS_LOGIN_EXPIRED, METRICS_POST_NOT_FOUND, METRICS_RISK_CONTROL, METRICS_PAGE_CHANGED.
 */
export type MetricsErrorCode =
  | 'METRICS_DATE_RANGE'
  | 'METRICS_QUOTA'
  | 'METRICS_UNAUTHORIZED'
  | 'METRICS_CREDENTIAL_MISSING'
  | 'METRICS_POST_ID_UNKNOWN'
  | 'METRICS_PLATFORM_UNSUPPORTED'
  | 'METRICS_PLATFORM_ERROR'
  | 'METRICS_NETWORK'
  | 'METRICS_LOGIN_EXPIRED'
  | 'METRICS_POST_NOT_FOUND'
  /** The creator site asks for a verification (captcha): nothing read, retried later. */
  | 'METRICS_RISK_CONTROL'
  /** The data page or its JSON no longer matches the metrics flow file (the site changed). */
  | 'METRICS_PAGE_CHANGED';

export class MetricsError extends CreatorFlowError {
  /** When a retry makes sense (quota resets tomorrow; a busy platform in minutes). */
  readonly retryAt: Date | undefined;
  constructor(code: MetricsErrorCode, message: string, options: ErrorOptions & { retryAt?: Date } = {}) {
    super(code, message, { status: 502, ...options });
    this.name = 'MetricsError';
    this.retryAt = options.retryAt;
  }
}
