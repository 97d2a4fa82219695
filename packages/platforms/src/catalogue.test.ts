import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPlatform, loadCatalogue, platforms, publishPlatforms, resolvePlatform, samePlatform } from './catalogue.ts';
import { publishDescriptor } from './descriptor.ts';
import { WORK_KIND_CONTENT_KIND } from './kinds.ts';

const DATA = new URL('./data/', import.meta.url);

describe('platform catalogue', () => {
  it('resolves the names publish and content used for the same platform to one entry', () => {
    expect(resolvePlatform('shipinhao').id).toBe('wechat_channels');
    expect(resolvePlatform('wechat_channels').id).toBe('wechat_channels');
    expect(resolvePlatform('wechat').id).toBe('wechat_mp');
    expect(resolvePlatform('wechat-mp').id).toBe('wechat_mp');
    expect(resolvePlatform(' XHS ').id).toBe('xiaohongshu');
    expect(samePlatform('sph', 'wechat_channels')).toBe(true);
    expect(samePlatform('douyin', 'kuaishou')).toBe(false);
  });

  it('refuses an unknown platform with a 400 that names the known ids', () => {
    expect(findPlatform('myspace')).toBeUndefined();
    expect(() => resolvePlatform('myspace')).toThrow(expect.objectContaining({ code: 'PLATFORM_UNKNOWN', status: 400, details: expect.objectContaining({ known: expect.arrayContaining(['kuaishou', 'wechat_channels']) }) }));
  });

  it('gives every publish platform a formatting profile, content kinds and assist as the last method', () => {
    const ids = publishPlatforms().map((p) => p.id);
    expect(ids.sort()).toEqual(['bilibili', 'douyin', 'kuaishou', 'toutiao', 'wechat_channels', 'wechat_mp', 'weibo', 'xiaohongshu', 'zhihu']);
    for (const p of publishPlatforms()) {
      expect(p.output, p.id).toBeDefined();
      expect(p.kinds.length, p.id).toBeGreaterThan(0);
      expect(p.publish!.methods.at(-1), p.id).toBe('assist');
    }
  });

  it('derives the publish limits from the one set of limits', () => {
    const xhs = publishDescriptor(resolvePlatform('xiaohongshu'))!;
    expect(xhs).toMatchObject({ id: 'xiaohongshu', name: '小红书', kinds: ['image_note', 'video'], limits: { titleMax: 20, bodyMax: 1000, imagesMin: 1, imagesMax: 18, tagsMax: 10, scheduling: true, metrics: true } });
    expect(publishDescriptor(resolvePlatform('kuaishou'))!.limits).toMatchObject({ tagsMax: 3, videoMaxSeconds: 900 });
    expect(publishDescriptor(resolvePlatform('juejin'))).toBeUndefined();
  });

  it('records where its facts come from and when they were checked', () => {
    for (const p of platforms()) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const s of p.sources) expect(Date.parse(s.checked), `${p.id}: ${s.url}`).not.toBeNaN();
    }
  });

  it('maps every library work kind to a publish content kind', () => {
    expect(WORK_KIND_CONTENT_KIND).toEqual({ article: 'article', note: 'image_note', video_script: 'video', post: 'short_post' });
  });

  it('rejects a catalogue where one name means two platforms', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-catalogue-'));
    try {
      writeFileSync(join(dir, 'douyin.yaml'), readFileSync(new URL('douyin.yaml', DATA)));
      writeFileSync(join(dir, 'kuaishou.yaml'), readFileSync(new URL('kuaishou.yaml', DATA), 'utf8').replace('aliases: [ks, kwai]', 'aliases: [ks, dy]'));
      expect(() => loadCatalogue(dir)).toThrow(/'dy' is used by both douyin and kuaishou/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
