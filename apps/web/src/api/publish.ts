import { api } from './client.ts';

export interface PublishPlatform {
  id: string;
  name: string;
  kinds: string[];
  methods: Array<'official_api' | 'browser' | 'assist'>;
  publishPageUrl: string;
  loginUrl?: string;
}

export interface PublishAccount {
  id: string;
  platform: string;
  name: string;
  nickname: string | null;
  avatar_url: string | null;
  credential_mode: 'local' | 'sync' | 'oauth';
  login_status: 'unknown' | 'logged_in' | 'expired' | string;
  login_checked_at: string | null;
  has_credentials?: boolean;
}

export type JobStatus = 'scheduled' | 'queued' | 'running' | 'published' | 'needs_action' | 'failed' | 'cancelled';

export interface AssistAction {
  type: 'assist';
  platformName: string;
  publishPageUrl: string;
  text: { title: string; body: string; tags: string };
  images: Array<{ order: number; name: string; path: string }>;
  checklist: string[];
  reason: string;
  message: string;
}

export type JobAction = AssistAction | { type: 'login' | 'unlock_vault' | 'confirm_late' | 'check_possible_post'; message: string };

export interface PublishJob {
  id: string;
  batch_id: string | null;
  work_id: string;
  account_id: string;
  platform: string;
  status: JobStatus;
  methods: string[];
  run_at: string;
  attempt_count: number;
  max_attempts: number;
  result_url: string | null;
  result_post_id: string | null;
  action: JobAction | null;
  error_code: string | null;
  error_message: string | null;
  title: string;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
}

export interface PublishAttempt {
  id: string;
  number: number;
  method: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  error_code: string | null;
  error_message: string | null;
  screenshot_url: string | null;
  result_url: string | null;
}

export interface VaultStatus {
  initialized: boolean;
  unlocked: boolean;
  forgotten_password?: string;
}

/** An interactive login started on the server (POST …/login), polled until it ends. */
export interface LoginSession {
  id: string;
  account_id: string;
  status: 'waiting' | 'logged_in' | 'failed';
  /** A browser window was opened on the server's desktop. */
  window: boolean;
  /** The platform's QR code as a PNG data URL, once the login page shows one. */
  qr_image: string | null;
  nickname: string | null;
  error: string | null;
}

export const publishApi = {
  startLogin: (accountId: string) => api<LoginSession>(`/api/publish/accounts/${accountId}/login`, { body: {} }),
  login: (accountId: string, sessionId: string) => api<LoginSession>(`/api/publish/accounts/${accountId}/login/${sessionId}`),
  platforms: () => api<{ platforms: PublishPlatform[] }>('/api/publish/platforms'),
  accounts: () => api<{ accounts: PublishAccount[] }>('/api/publish/accounts'),
  jobs: (query: { status?: JobStatus; limit?: number } = {}) => api<{ jobs: PublishJob[] }>('/api/publish/jobs', { query: { limit: 200, ...query } }),
  job: (id: string) => api<PublishJob & { attempts: PublishAttempt[] }>(`/api/publish/jobs/${id}`),
  vault: () => api<VaultStatus>('/api/publish/vault'),
};

export const ACTIVE_JOB: JobStatus[] = ['queued', 'running'];
