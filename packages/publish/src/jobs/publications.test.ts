import { describe, expect, it } from 'vitest';
import { publicationsOf, publishedStatusOf } from './publications.ts';
import type { PublishJob } from './types.ts';

const job = (over: Partial<PublishJob>): PublishJob =>
  ({
    id: 'j1',
    workspaceId: 'ws',
    workId: 'w1',
    accountId: 'a1',
    platform: 'zhihu',
    status: 'queued',
    runAt: new Date('2026-12-01T10:00:00Z'),
    resultUrl: null,
    finishedAt: null,
    createdAt: new Date('2026-12-01T10:00:00Z'),
    updatedAt: new Date('2026-12-01T10:00:00Z'),
    ...over,
  }) as PublishJob;

describe('a work’s publications follow its jobs', () => {
  it('keeps the live post of an account when a later retry fails', () => {
    const published = job({ id: 'j1', status: 'published', resultUrl: 'https://zhihu.test/p/1', finishedAt: new Date('2026-12-01T10:05:00Z') });
    const failed = job({ id: 'j2', status: 'failed', createdAt: new Date('2026-12-01T11:00:00Z') });
    const [p] = publicationsOf([failed, published]).get('w1')!;
    expect(p).toMatchObject({ jobId: 'j1', status: 'published', url: 'https://zhihu.test/p/1', publishedAt: new Date('2026-12-01T10:05:00Z') });
    expect(publishedStatusOf([p!])).toBe('published');
  });

  it('takes the newest job per account and says scheduled while one is on its way', () => {
    const old = job({ id: 'j1', status: 'failed' });
    const next = job({ id: 'j2', status: 'scheduled', createdAt: new Date('2026-12-01T12:00:00Z') });
    const other = job({ id: 'j3', accountId: 'a2', platform: 'weibo', status: 'cancelled' });
    const list = publicationsOf([old, next, other]).get('w1')!;
    expect(list.map((p) => [p.platform, p.jobId, p.url])).toEqual([
      ['weibo', 'j3', null],
      ['zhihu', 'j2', null],
    ]);
    expect(publishedStatusOf(list)).toBe('scheduled');
  });

  it('says nothing when every job failed or was cancelled', () => {
    expect(publishedStatusOf(publicationsOf([job({ status: 'failed' }), job({ id: 'j2', accountId: 'a2', status: 'cancelled' })]).get('w1')!)).toBeUndefined();
    expect(publishedStatusOf([])).toBeUndefined();
  });
});
