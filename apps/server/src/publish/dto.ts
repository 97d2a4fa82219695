import type { LoginSession, PublishAccount, PublishAttempt, PublishJob } from '@creatorflow/publish';

/** API shapes: snake_case, never a secret (credentials stay in the vault; only their presence is shown). */
export function accountDto(a: PublishAccount, extra: { has_credentials?: boolean } = {}) {
  return {
    id: a.id,
    platform: a.platform,
    name: a.name,
    nickname: a.nickname,
    avatar_url: a.avatarUrl,
    credential_mode: a.credentialMode,
    login_status: a.loginStatus,
    login_checked_at: a.loginCheckedAt?.toISOString() ?? null,
    settings: a.settings,
    created_at: a.createdAt.toISOString(),
    ...extra,
  };
}

/** An interactive login as the API shows it; `window` says a browser window was opened on the server's desktop. */
export function loginSessionDto(s: LoginSession) {
  return { id: s.id, account_id: s.accountId, status: s.status, window: s.headed, qr_image: s.qrImage ?? null, nickname: s.nickname ?? null, error: s.error ?? null };
}

export function jobDto(j: PublishJob) {
  return {
    id: j.id,
    batch_id: j.batchId,
    work_id: j.workId,
    account_id: j.accountId,
    platform: j.platform,
    status: j.status,
    methods: j.methods,
    run_at: new Date(j.runAt).toISOString(),
    late_policy: j.latePolicy,
    attempt_count: j.attemptCount,
    max_attempts: j.maxAttempts,
    result_url: j.resultUrl,
    result_post_id: j.resultPostId,
    action: j.action,
    error_code: j.errorCode,
    error_message: j.errorMessage,
    title: j.content.title,
    kind: j.content.kind,
    started_at: j.startedAt ? new Date(j.startedAt).toISOString() : null,
    finished_at: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
    created_at: new Date(j.createdAt).toISOString(),
  };
}

export function attemptDto(a: PublishAttempt) {
  return {
    id: a.id,
    number: a.number,
    method: a.method,
    status: a.status,
    started_at: new Date(a.startedAt).toISOString(),
    submitted_at: a.submittedAt ? new Date(a.submittedAt).toISOString() : null,
    finished_at: a.finishedAt ? new Date(a.finishedAt).toISOString() : null,
    duration_ms: a.durationMs,
    error_code: a.errorCode,
    error_message: a.errorMessage,
    retryable: a.retryable,
    screenshot_url: a.screenshot ? `/api/publish/attempts/${a.id}/screenshot` : null,
    result_url: a.resultUrl,
    result_post_id: a.resultPostId,
  };
}
