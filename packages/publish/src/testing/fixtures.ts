import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentKind, MediaFile, MethodContext, PublishContent } from '../adapter.ts';
import type { SessionState } from '../platforms/browser/pool.ts';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Media files on disk for tests: `count` images, a cover and a (fake) video. */
export function mediaFixtures(count = 2): { images: MediaFile[]; cover: MediaFile; video: MediaFile; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cf-media-'));
  const images = Array.from({ length: count }, (_, i) => {
    const path = join(dir, `image-${i + 1}.png`);
    writeFileSync(path, PNG);
    return { name: `image-${i + 1}.png`, contentType: 'image/png', path };
  });
  const cover = { name: 'cover.png', contentType: 'image/png', path: join(dir, 'cover.png') };
  writeFileSync(cover.path, PNG);
  const video = { name: 'clip.mp4', contentType: 'video/mp4', path: join(dir, 'clip.mp4') };
  writeFileSync(video.path, Buffer.alloc(4096, 7));
  return { images, cover, video, dir };
}

/** Content a platform accepts, for end-to-end tests. */
export function contentFor(kinds: ContentKind[], media: ReturnType<typeof mediaFixtures>, title = '春日出游记'): PublishContent {
  const kind: ContentKind = kinds.includes('image_note') ? 'image_note' : kinds[0]!;
  return {
    kind,
    title,
    body: kind === 'article' ? '<p>今天天气很好，我们去了公园。</p>' : '今天天气很好，我们去了公园。',
    images: kind === 'video' ? [] : media.images,
    cover: media.cover,
    video: kind === 'video' ? media.video : undefined,
    tags: ['出游'],
  };
}

/** A session cookie as a storage state for 127.0.0.1. */
export function cookieState(cookie: { name: string; value: string }): SessionState {
  return {
    cookies: [{ name: cookie.name, value: cookie.value, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }],
    origins: [],
  };
}

/** A method context over an in-memory secret map. */
export function memoryContext(baseUrl: string, platform: string, secrets: Map<string, Record<string, unknown>>, extra: Partial<MethodContext> = {}): MethodContext & { artifacts: string[]; submits: number } {
  const artifacts: string[] = [];
  const ctx = {
    account: { id: `acc-${platform}`, workspaceId: 'ws-test', platform, name: 'main', settings: { baseUrl } },
    readSecret: async (kind: string) => secrets.get(kind),
    writeSecret: async (kind: string, value: Record<string, unknown>) => void secrets.set(kind, value),
    signal: new AbortController().signal,
    beforeSubmit: async () => void (ctx.submits += 1),
    progress: () => undefined,
    saveArtifact: async (name: string, bytes: Buffer) => {
      const ref = `${name}:${bytes.length}`;
      artifacts.push(ref);
      return ref;
    },
    artifacts,
    submits: 0,
    ...extra,
  };
  return ctx;
}
