import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeBilibili, type FakeBilibili } from '@creatorflow/testing/fake-bilibili/server';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { runInProcess } from '../testing/cli-in-process.ts';
import { metricsCommands } from './metrics.ts';

const run = (home: string, ...args: string[]) => runInProcess(metricsCommands, home, ...args);
const BV = 'BV1ab411c7mX';

describe('creatorflow metrics / report (local home, no server running)', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-metrics-'));
  let bili: FakeBilibili;
  let llm: FakeLlm;
  let postId: string;
  beforeAll(async () => {
    bili = await startFakeBilibili();
    bili.videos.set(BV, {
      bvid: BV, aid: 880001, stat: { view: 5000, danmaku: 40, reply: 2, favorite: 300, coin: 120, share: 60, like: 900 },
      replies: [{ rpid: 1, uname: '观众A', message: '讲得太好了，学到了', like: 12, ctime: 1_780_000_000 }, { rpid: 2, uname: '观众B', message: '下期能讲讲布光吗？', like: 8, ctime: 1_780_000_100 }],
    });
    llm = await startFakeLlm({ rules: [{ match: '内容运营分析师', reply: { json: { summary: '本周视频涨粉明显', top_posts: ['布光入门'], suggestions: [{ topic: '三灯布光', why: '观众在评论里问' }] } } }] });
    vi.stubEnv('CREATORFLOW_BILIBILI_API_BASE', bili.url);
    vi.stubEnv('OPENAI_API_KEY', 'sk-test');
    vi.stubEnv('OPENAI_BASE_URL', `${llm.url}/v1`);
    vi.stubEnv('CREATORFLOW_DEFAULT_MODEL', 'openai:gpt-4o-mini');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await bili.close();
    await llm.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('follows a post by its link, reads it now and shows its 爆款分 and comments', async () => {
    const added = await run(home, 'metrics', 'add', `https://www.bilibili.com/video/${BV}`, '--title', '布光入门', '--published-at', new Date(Date.now() - 26 * 3_600_000).toISOString());
    postId = /post ([0-9a-f-]{36})/.exec(added)![1]!;
    expect(added).toMatch(/^Following bilibili post/);
    const collected = await run(home, 'metrics', 'collect', postId);
    expect(collected).toContain('latest: views 5000, likes 900, comments 2');
    expect(collected).toMatch(/爆款分 \d+:/);
    expect(collected).toContain('加权互动');
    expect(collected).toContain('? 下期能讲讲布光吗？ (8 likes)');
    const shown = JSON.parse(await run(home, 'metrics', 'show', postId, '--json'));
    expect(shown.snapshots).toHaveLength(1);
  }, 120_000);

  it('shows the overview and exports the table', async () => {
    const overview = await run(home, 'metrics', 'show');
    expect(overview).toMatch(/^bilibili\tposts 1\tviews 5000/);
    expect(overview).toContain('布光入门');
    const file = join(home, 'posts.csv');
    expect(await run(home, 'metrics', 'export', '--format', 'csv', '-o', file)).toMatch(/^Wrote /);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFF平台,账号,标题')).toBe(true);
    expect(csv).toContain('布光入门');
    expect(await run(home, 'metrics', 'collect')).toContain('Nothing to read');
  }, 120_000);

  it('report weekly: the week per platform, top posts with what the audience asks, and the analytics review', async () => {
    const text = await run(home, 'report', 'weekly', '--niche', '摄影', '--platform', 'bilibili');
    expect(text).toMatch(/^周报 · last 7 days\nbilibili\t\+\d+ views/);
    expect(text).toContain('布光入门');
    expect(text).toContain('asks: 下期能讲讲布光吗？');
    expect(text).toContain('Review: 本周视频涨粉明显');
    expect(text).toContain('1. 三灯布光 — 观众在评论里问');
  }, 180_000);
});
