/** What a platform accepts, in publish terms. */
export const CONTENT_KINDS = ['article', 'image_note', 'video', 'short_post'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** How CreatorFlow can publish: the platform's official API, its web pages in a browser, or assist (the person posts a prepared bundle). */
export const PUBLISH_METHODS = ['official_api', 'browser', 'assist'] as const;
export type PublishMethod = (typeof PUBLISH_METHODS)[number];

/**
 * The one mapping between library work kinds (`packages/library` WORK_KINDS)
 * and publish content kinds. A video script publishes as a video (the video
 * file is attached when publishing); a note as an image note.
 */
export const WORK_KIND_CONTENT_KIND = {
  article: 'article',
  note: 'image_note',
  video_script: 'video',
  post: 'short_post',
} as const satisfies Record<string, ContentKind>;

export type WorkKindName = keyof typeof WORK_KIND_CONTENT_KIND;

export function contentKindOfWork(kind: WorkKindName): ContentKind {
  return WORK_KIND_CONTENT_KIND[kind];
}
