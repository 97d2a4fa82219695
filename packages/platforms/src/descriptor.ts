import type { ContentKind, PublishMethod } from './kinds.ts';
import type { PlatformEntry } from './schema.ts';

/** The limits publish checks before anything is opened or uploaded, read from the catalogue entry. */
export interface PlatformLimits {
  titleMin?: number;
  titleMax?: number;
  bodyMax?: number;
  imagesMin?: number;
  imagesMax?: number;
  videoMaxSeconds?: number;
  tagsMax?: number;
  /** How the platform counts text (`weibo`: two half-width characters as one); the publish dialog counts the same way. */
  counting?: 'chars' | 'weibo';
  /** The platform itself can schedule a post for later. */
  scheduling: boolean;
  /** Metrics can be read back. */
  metrics: boolean;
}

/** What publish (and the publish dialog) needs to know about a platform. */
export interface PlatformDescriptor {
  id: string;
  /** zh-CN display name. */
  name: string;
  nameEn: string;
  kinds: ContentKind[];
  limits: PlatformLimits;
  methods: PublishMethod[];
  /** Where a person publishes by hand (assist). */
  publishPageUrl: string;
  loginUrl?: string;
}

/** The publish descriptor of a catalogue entry; undefined for platforms CreatorFlow only formats for. */
export function publishDescriptor(entry: PlatformEntry): PlatformDescriptor | undefined {
  if (!entry.publish) return undefined;
  return {
    id: entry.id,
    name: entry.name.zh,
    nameEn: entry.name.en,
    kinds: [...entry.kinds],
    limits: {
      titleMin: entry.title?.min,
      titleMax: entry.title?.max,
      bodyMax: entry.body.max,
      imagesMin: entry.images?.min,
      imagesMax: entry.images?.max,
      videoMaxSeconds: entry.video?.maxSeconds,
      tagsMax: entry.tags?.max,
      counting: entry.counting,
      scheduling: entry.publish.scheduling,
      metrics: entry.metrics.supported,
    },
    methods: [...entry.publish.methods],
    publishPageUrl: entry.publish.pageUrl,
    loginUrl: entry.publish.loginUrl,
  };
}
