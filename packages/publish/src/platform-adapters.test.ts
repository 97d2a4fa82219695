import { describe, expect, it } from 'vitest';
import { systemClock } from '@creatorflow/core';
import { publishPlatforms } from '@creatorflow/platforms';
import { checkContent } from './content-check.ts';
import { platformAdapters } from './platform-adapters.ts';
import { BrowserPool } from './platforms/browser/pool.ts';

describe('publish adapters and the platform catalogue', () => {
  const { registry } = platformAdapters({ clock: systemClock, pool: new BrowserPool({ executablePath: '/usr/bin/chromium' }) });

  it('has exactly one adapter for every catalogue platform with publish methods', () => {
    expect(registry.ids().sort()).toEqual(publishPlatforms().map((p) => p.id).sort());
  });

  it('finds the adapter by any catalogue name and refuses unknown or format-only platforms loudly', () => {
    expect(registry.get('shipinhao').descriptor.id).toBe('wechat_channels');
    expect(registry.get('wechat').descriptor.id).toBe('wechat_mp');
    expect(() => registry.get('myspace')).toThrow(expect.objectContaining({ code: 'PLATFORM_UNKNOWN' }));
    expect(() => registry.get('juejin')).toThrow(expect.objectContaining({ code: 'PUBLISH_UNSUPPORTED' }));
  });

  it('checks content against the catalogue limits (快手: 3 topics at most; 视频号: short title of 6 to 16)', () => {
    const video = { name: 'v.mp4', contentType: 'video/mp4', path: '/tmp/v.mp4' };
    const base = { kind: 'video' as const, title: '', body: '周末骑行', images: [], video, tags: ['骑行'] };
    expect(() => checkContent(registry.get('kuaishou').descriptor, base)).not.toThrow();
    expect(() => checkContent(registry.get('kuaishou').descriptor, { ...base, tags: ['a', 'b', 'c', 'd'] })).toThrow(expect.objectContaining({ code: 'PUBLISH_CONTENT_INVALID' }));
    expect(() => checkContent(registry.get('wechat_channels').descriptor, { ...base, title: '骑行' })).toThrow(/at least 6/);
    expect(() => checkContent(registry.get('wechat_channels').descriptor, { ...base, title: '周末骑行去湖边' })).not.toThrow();
  });

  // The publish dialog counts 微博 text the way 微博 does; the server check must not refuse what the dialog accepted.
  it('counts 微博 text as 微博 does: two half-width characters make one', () => {
    const post = { kind: 'short_post' as const, title: '', images: [], tags: [] };
    const weibo = registry.get('weibo').descriptor;
    expect(weibo.limits.counting).toBe('weibo');
    expect(() => checkContent(weibo, { ...post, body: 'a'.repeat(4000) })).not.toThrow();
    expect(() => checkContent(weibo, { ...post, body: 'a'.repeat(4002) })).toThrow(/body is 2001 characters/);
    expect(() => checkContent(weibo, { ...post, body: '骑'.repeat(2001) })).toThrow(/body is 2001 characters/);
  });
});
