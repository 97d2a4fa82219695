/**
 * The platform adapter port. A platform declares what it accepts (content
 * kinds, limits) and which methods it has; each method implements the same
 * operations. The job runner tries methods in order and never needs to know
 * which platform it talks to.
 */
import type { ContentKind, PlatformDescriptor, PublishMethod } from '@creatorflow/platforms';

// Kinds, methods, limits and descriptors come from the platform catalogue (packages/platforms), written once.
export type { ContentKind, PublishMethod, PlatformDescriptor, PlatformLimits } from '@creatorflow/platforms';
export { PUBLISH_METHODS } from '@creatorflow/platforms';

/** A file on disk (local) or a downloaded copy (cloud worker). */
export interface MediaFile {
  name: string;
  contentType: string;
  path: string;
}

export interface PublishContent {
  kind: ContentKind;
  title: string;
  /** Plain text (notes, posts) or HTML (articles). */
  body: string;
  images: MediaFile[];
  cover?: MediaFile;
  video?: MediaFile;
  tags: string[];
  /** Publish at this time with the platform's own 定时发布 (ISO); absent = publish now. */
  scheduleAt?: string;
}

export interface AccountRef {
  id: string;
  workspaceId: string;
  platform: string;
  name: string;
  settings: Record<string, unknown>;
}

export interface LoginState {
  loggedIn: boolean;
  /**
   * `expired`: the site asked for a login (only a new login helps);
   * `unknown`: the page matched neither a login page nor a logged-in one (layout changed, risk check) —
   * a new login would not help, so the job goes to assist instead.
   */
  state?: 'logged_in' | 'expired' | 'unknown';
  nickname?: string;
  avatarUrl?: string;
  /** Why not, in words a user understands. */
  reason?: string;
}

export interface PublishResult {
  postId: string;
  url?: string;
  /** `processing` when the platform accepted it but still reviews or transcodes. */
  status: 'published' | 'processing';
}

export interface PostStatus {
  status: 'processing' | 'published' | 'failed' | 'deleted';
  url?: string;
  reason?: string;
}

export interface PostMetrics {
  views?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  favorites?: number;
}

export interface MethodContext {
  account: AccountRef;
  /** Reads a secret of this account through the vault (audited). */
  readSecret(kind: string, why: string): Promise<Record<string, unknown> | undefined>;
  writeSecret(kind: string, secret: Record<string, unknown>): Promise<void>;
  signal: AbortSignal;
  /**
   * Must be awaited right before the irreversible action (the final publish
   * click or submit call): the runner records the attempt as `submitting`
   * first, so a crash after it is reconciled instead of posted twice.
   */
  beforeSubmit(): Promise<void>;
  progress(step: string, data?: Record<string, unknown>): void;
  /** Saves a screenshot of a failure; returns its reference. */
  saveArtifact?(name: string, bytes: Buffer): Promise<string>;
}

/** One step of a deep check: did its element match the live page. */
export interface StepCheck {
  index: number;
  name: string;
  do: string;
  selector?: string;
  status: 'ok' | 'failed' | 'skipped' | 'unchecked';
  note?: string;
}

/** The deep check of an account: its saved login opens the real editor and every step of the flow is tried, nothing published. */
export interface DeepCheckReport {
  platform: string;
  kind: ContentKind;
  flowVersion: number;
  /** When the flow's selectors were last checked against their sources. */
  checked: string;
  ok: boolean;
  login: LoginState;
  steps: StepCheck[];
  /** The step that no longer matches, in words. */
  failedStep?: string;
  error?: { code: string; message: string };
  screenshot?: string;
}

export interface MethodAdapter {
  readonly method: PublishMethod;
  /** Whether this account can use the method at all (an OAuth API needs a connected account); absent = always. */
  usable?(account: AccountRef): boolean;
  checkLogin(ctx: MethodContext): Promise<LoginState>;
  publish(content: PublishContent, ctx: MethodContext): Promise<PublishResult>;
  /** Finds a post this job may already have made (same title, created since `since`). */
  findExisting?(content: PublishContent, ctx: MethodContext, since: Date): Promise<PublishResult | undefined>;
  fetchPostStatus?(postId: string, ctx: MethodContext): Promise<PostStatus>;
  fetchMetrics?(postId: string, ctx: MethodContext): Promise<PostMetrics>;
  /** Verifies every step of the flow against the live site without publishing (browser flows). */
  deepCheck?(ctx: MethodContext, kind?: ContentKind, sample?: { video?: MediaFile }): Promise<DeepCheckReport>;
}

export interface PlatformAdapter {
  readonly descriptor: PlatformDescriptor;
  /** Automated methods; `assist` is generic and provided by the runner. */
  readonly methods: Partial<Record<Exclude<PublishMethod, 'assist'>, MethodAdapter>>;
}
