import type { IsolationFixture } from '../testing/isolation.ts';

/** Workspace B's followed post ("我已发布") for the isolation test: A must never read, collect or mine it. */
export const isolationFixtures: IsolationFixture[] = [
  {
    prefix: '/api/metrics/posts/',
    async create(b) {
      const post = await b.call<{ id: string }>('POST', '/api/metrics/posts', { url: 'https://www.xiaohongshu.com/explore/isolation-b', title: 'B 的作品' });
      return { id: post.id };
    },
  },
];
