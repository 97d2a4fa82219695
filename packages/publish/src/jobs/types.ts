import type { PublishContent, PublishMethod } from '../adapter.ts';

export type JobStatus = 'scheduled' | 'queued' | 'running' | 'published' | 'needs_action' | 'failed' | 'cancelled';
export const TERMINAL: readonly JobStatus[] = ['published', 'failed', 'cancelled'];

/** What the user must do for a job in `needs_action`. */
export type JobAction =
  | { type: 'login'; accountId: string; platform: string; message: string }
  | { type: 'unlock_vault'; message: string }
  | { type: 'confirm_late'; scheduledFor: string; message: string }
  | { type: 'check_possible_post'; message: string }
  | ({ type: 'assist' } & AssistPackage);

export interface AssistPackage {
  platform: string;
  platformName: string;
  publishPageUrl: string;
  /** Text to paste, ready for this platform. */
  text: { title: string; body: string; tags: string };
  /** Images in the order they must be added. */
  images: Array<{ order: number; name: string; path: string }>;
  cover?: { name: string; path: string };
  video?: { name: string; path: string };
  checklist: string[];
  reason: string;
  message: string;
}

export interface PublishJob {
  id: string;
  workspaceId: string;
  createdBy: string | null;
  batchId: string | null;
  workId: string;
  accountId: string;
  platform: string;
  content: PublishContent;
  methods: PublishMethod[];
  status: JobStatus;
  runAt: Date;
  latePolicy: 'run' | 'ask';
  attemptCount: number;
  maxAttempts: number;
  queueJobId: string | null;
  resultUrl: string | null;
  resultPostId: string | null;
  action: JobAction | null;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublishAttempt {
  id: string;
  jobId: string;
  number: number;
  method: PublishMethod;
  status: 'running' | 'submitting' | 'succeeded' | 'failed' | 'needs_action' | 'reconciled';
  startedAt: Date;
  submittedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  retryable: boolean | null;
  screenshot: string | null;
  resultUrl: string | null;
  resultPostId: string | null;
}

export interface PublishEvent {
  id: number;
  jobId: string;
  workspaceId: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: Date;
}
