export const WORK_KINDS = ['article', 'note', 'video_script', 'post'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_STATUSES = ['draft', 'ready', 'scheduled', 'published', 'archived'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export interface WorkContent {
  title: string;
  /** Markdown. */
  body: string;
  coverAssetId: string | null;
  tags: string[];
  /** Target platform ids, e.g. `xiaohongshu`, `wechat_mp`, `douyin`, `bilibili`. */
  platforms: string[];
  status: WorkStatus;
}

export interface Work extends WorkContent {
  id: string;
  workspaceId: string;
  kind: WorkKind;
  /** Current version number; pass it back as `baseVersion` when saving. */
  version: number;
  ideaIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface WorkVersion extends WorkContent {
  workId: string;
  version: number;
  createdBy: string | null;
  note: string | null;
  createdAt: Date;
}

export interface NewWork extends Partial<Omit<WorkContent, 'title'>> {
  kind: WorkKind;
  title: string;
  /** Link the work to the idea it came from. */
  ideaId?: string;
}

export type WorkPatch = Partial<WorkContent>;

export interface WorkFilter {
  limit?: number;
  cursor?: string;
  status?: WorkStatus;
  kind?: WorkKind;
  tag?: string;
}
