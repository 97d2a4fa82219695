import { CreatorFlowError, type ErrorOptions } from '@creatorflow/core';

/**
 * Stable codes of the publish domain. Messages say what happened and what to
 * do; they never carry a secret (tokens, cookies, app secrets, passwords).
 */
export type PublishErrorCode =
  | 'VAULT_NOT_INITIALIZED'
  | 'VAULT_ALREADY_INITIALIZED'
  | 'VAULT_LOCKED'
  | 'VAULT_WRONG_PASSWORD'
  | 'VAULT_WEAK_PASSWORD'
  | 'CREDENTIAL_MISSING'
  | 'PUBLISH_LOGIN_EXPIRED'
  | 'PUBLISH_PAGE_MISMATCH'
  | 'PUBLISH_RISK_CONTROL'
  | 'PUBLISH_TIMEOUT'
  | 'PUBLISH_BROWSER_CRASHED'
  | 'PUBLISH_CIRCUIT_OPEN'
  | 'PUBLISH_UNSUPPORTED'
  | 'PUBLISH_CONTENT_INVALID'
  | 'PUBLISH_PLATFORM_ERROR'
  | 'PUBLISH_NETWORK'
  | 'PUBLISH_JOB_STATE'
  | 'PUBLISH_CAPACITY'
  | 'PUBLISH_VIDEO_REQUIRED'
  | 'PUBLISH_NO_ACCOUNT'
  | 'PUBLISH_ACCOUNT_AMBIGUOUS'
  | 'PUBLISH_ACCOUNT_FORBIDDEN'
  | 'PUBLISH_MEMBER_UNKNOWN'
  | 'OAUTH_APP_MISSING'
  | 'OAUTH_STATE_INVALID'
  | 'OAUTH_DENIED'
  | 'OAUTH_UNSUPPORTED'
  | `WECHAT_${string}`
  | `WEIBO_${string}`
  | `BILIBILI_${string}`
  | `DOUYIN_${string}`
  | `KUAISHOU_${string}`;

export class PublishError extends CreatorFlowError {
  constructor(code: PublishErrorCode, message: string, options: ErrorOptions = {}) {
    super(code, message, { status: 422, ...options });
    this.name = 'PublishError';
  }
}

/** Errors worth another attempt: network blips, timeouts, platform 5xx, quotas that reset soon. */
export function isTransient(error: unknown): boolean {
  return CreatorFlowError.isInstance(error) ? error.retryable : false;
}
