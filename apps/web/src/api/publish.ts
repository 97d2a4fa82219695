import { api } from './client.ts';
import type { ApiBody, ApiResponse } from './schema.ts';

// Types of the publish API, read from the generated contract (generated/openapi.ts).

export type PublishPlatform = ApiResponse<'/api/publish/platforms'>['platforms'][number];
export type PublishAccount = ApiResponse<'/api/publish/accounts/{id}'>;
export type PublishJob = ApiResponse<'/api/publish/jobs/{id}/cancel', 'post'>;
export type JobStatus = PublishJob['status'];
export type JobAction = NonNullable<PublishJob['action']>;
/** The prepared bundle of an assist job: text to paste, images in order, the page to open. */
export type AssistAction = Extract<JobAction, { type: 'assist' }>;
/** Everything to publish an assist job by hand: texts, rich body, files (signed links) and the platform's editor. */
export type AssistBundle = ApiResponse<'/api/publish/jobs/{id}/assist'>;
export type PublishJobDetail = ApiResponse<'/api/publish/jobs/{id}'>;
export type PublishAttempt = PublishJobDetail['attempts'][number];
export type VaultStatus = ApiResponse<'/api/publish/vault'>;
/** An interactive login started on the server (POST …/login), polled until it ends. */
export type LoginSession = ApiResponse<'/api/publish/accounts/{id}/login/{sid}'>;

/** 账号矩阵: a group of accounts, and one account at a glance. */
export type AccountGroup = ApiResponse<'/api/publish/account-groups'>['groups'][number];
export type AccountHealth = ApiResponse<'/api/publish/accounts/health'>['accounts'][number];

export const publishApi = {
  groups: () => api<ApiResponse<'/api/publish/account-groups'>>('/api/publish/account-groups'),
  health: () => api<ApiResponse<'/api/publish/accounts/health'>>('/api/publish/accounts/health'),
  startLogin: (accountId: string) => api<LoginSession>(`/api/publish/accounts/${accountId}/login`, { body: {} }),
  login: (accountId: string, sessionId: string) => api<LoginSession>(`/api/publish/accounts/${accountId}/login/${sessionId}`),
  platforms: () => api<ApiResponse<'/api/publish/platforms'>>('/api/publish/platforms'),
  accounts: () => api<ApiResponse<'/api/publish/accounts'>>('/api/publish/accounts'),
  jobs: (query: { status?: JobStatus; limit?: number } = {}) => api<ApiResponse<'/api/publish/jobs'>>('/api/publish/jobs', { query: { limit: 200, ...query } }),
  job: (id: string) => api<PublishJobDetail>(`/api/publish/jobs/${id}`),
  vault: () => api<VaultStatus>('/api/publish/vault'),
  assist: (id: string) => api<AssistBundle>(`/api/publish/jobs/${id}/assist`),
  /** 我已发布: the post's link; the job becomes published and its metrics are collected. */
  complete: (id: string, url: string) => api<PublishJob>(`/api/publish/jobs/${id}/complete`, { body: { url } }),
  /** What each platform will get from a work, with the limits the dialog counts live. */
  versions: (workId: string, platforms: string[]) => api<ApiResponse<'/api/publish/versions'>>('/api/publish/versions', { query: { work_id: workId, platforms: platforms.join(',') } }),
  /** Works × accounts, now, at a time or spaced: the jobs created. */
  create: (body: Partial<ApiBody<'/api/publish/jobs'>> & Pick<ApiBody<'/api/publish/jobs'>, 'to'>) => api<ApiResponse<'/api/publish/jobs', 'post', 201>>('/api/publish/jobs', { body }),
};

export const ACTIVE_JOB: JobStatus[] = ['queued', 'running'];
