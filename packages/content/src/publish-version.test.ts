import { describe, expect, it } from 'vitest';
import { countChars } from './limits/count.ts';
import { publishVersion } from './publish-version.ts';

const longArticle = Array.from({ length: 30 }, (_, i) => `## 第${i + 1}节\n\n通勤骑行一年，省下的不只是地铁钱。每天早上沿着绿道骑到公司，路上能看到江面和早起跑步的人，这是坐地铁时没有的风景。`).join('\n\n');
const TITLE = '通勤骑行一年，我省下了3200元和一身赘肉，还找回了好心情';

describe('the version of a work a platform gets', () => {
  it('turns an article for 小红书 into a carousel note: title of at most 20, body condensed to the note limit with its topics', () => {
    const v = publishVersion({ platform: 'xhs', kind: 'article', title: TITLE, markdown: longArticle, tags: ['骑行', '通勤'] });
    expect(v).toMatchObject({ platform: 'xiaohongshu', mode: 'carousel', kind: 'image_note', source: 'work', condensed: true, bodyFormat: 'text' });
    expect(countChars(v.title)).toBeLessThanOrEqual(20);
    expect(v.title).toBe('通勤骑行一年');
    expect(countChars(v.body)).toBeLessThanOrEqual(1000);
    expect(v.body).toContain('完整内容见图片');
    expect(v.body.endsWith('#骑行 #通勤')).toBe(true);
    expect(v.body).not.toMatch(/##|\*\*/);
  });

  it('uses the creation run’s version for the platform, and the person’s edits over it', () => {
    const fromRun = { title: '骑车上班一年省下3200元', body: '跑出来的版本正文 #骑行#', tags: ['骑行'] };
    expect(publishVersion({ platform: 'xiaohongshu', kind: 'article', title: TITLE, markdown: longArticle, tags: [], fromRun })).toMatchObject({ title: fromRun.title, source: 'run' });
    const edited = { title: '我自己改的标题', body: '我自己写的正文', tags: ['日常'] };
    expect(publishVersion({ platform: 'xiaohongshu', kind: 'article', title: TITLE, markdown: longArticle, tags: [], fromRun, edited })).toMatchObject({ ...edited, source: 'edited', condensed: false });
  });

  it('sends a video script to a video platform as a video with the script as its description', () => {
    const v = publishVersion({ platform: 'shipinhao', kind: 'video_script', title: '周末骑行', markdown: '## 开场\n\n**镜头一**：清晨的绿道', tags: ['骑行'] });
    expect(v).toMatchObject({ platform: 'wechat_channels', mode: 'video', kind: 'video' });
    expect(v.body).toContain('镜头一：清晨的绿道');
  });

  it('condenses an article sent to 微博 into a post', () => {
    const v = publishVersion({ platform: 'weibo', kind: 'article', title: TITLE, markdown: longArticle + '\n\n' + longArticle, tags: [] });
    expect(v).toMatchObject({ mode: 'post', kind: 'short_post', condensed: true });
    expect(countChars(v.body, 'weibo')).toBeLessThanOrEqual(2000);
  });

  it('refuses what a platform cannot take, in words a creator understands', () => {
    expect(() => publishVersion({ platform: 'douyin', kind: 'article', title: TITLE, markdown: longArticle, tags: [] })).toThrow(/抖音只接受视频、图文笔记，不能发布文章/);
    expect(() => publishVersion({ platform: 'zhihu', kind: 'video_script', title: 'x', markdown: 'y', tags: [] })).toThrow(/知乎只接受文章，不能发布视频脚本/);
  });
});
