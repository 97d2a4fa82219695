import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPublishServer, type PublishTestServer } from '../testing/publish-server.ts';
import { contentFromWork } from './work-content.ts';

const MARKDOWN = '# 周末骑行路线\n\n## 第一站\n\n**早上七点**出发，沿着 [绿道](https://example.com/greenway) 骑到湖边。\n\n- 带水\n- 带头盔\n';

describe('a work as each platform gets it (bug: 快手 and 视频号 were sent raw Markdown)', () => {
  let home: string;
  let server: PublishTestServer;
  let workId: string;
  const actor = () => ({ workspaceId: server.ctx.local!.workspaceId, userId: server.ctx.local!.userId });

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'cf-work-content-'));
    server = await openPublishServer(home);
    const work = await server.api<{ id: string }>('POST', '/api/works', { kind: 'video_script', title: '周末骑行', body: MARKDOWN, tags: ['骑行', '周末'] });
    expect(work.status).toBe(201);
    workId = work.body.id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  });

  it.each(['kuaishou', 'wechat_channels', 'shipinhao', 'douyin'])('formats the description for %s: no Markdown marks, topics as the platform writes them', async (platform) => {
    const content = await contentFromWork(server.ctx, actor(), workId, platform);
    expect(content.kind).toBe('video');
    expect(content.body).not.toMatch(/\*\*|^#+ |\]\(/m);
    expect(content.body).toContain('早上七点出发');
    expect(content.body).toContain('#骑行');
  });

  it('fails loudly for a platform nobody knows instead of sending the raw body', async () => {
    await expect(contentFromWork(server.ctx, actor(), workId, 'myspace')).rejects.toMatchObject({ code: 'PLATFORM_UNKNOWN', status: 400 });
  });
});
