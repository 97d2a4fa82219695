import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startCloud, type RunningInstance } from '@creatorflow/server';
import { createLogger } from '@creatorflow/runtime';
import { cloudTestEnv } from '@creatorflow/server/testing/harness';
import { hasPostgres, testRedisUrl } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { cli, waitFor, type CliProcess } from '../testing/cli-process.ts';

const DRAFT = '# 骑行通勤\n\n骑车上班，省钱又健康。\n\n## 路线\n\n尽量选择有自行车道的道路。\n\n## 装备\n\n头盔和车灯必不可少。';
const shot = (s: number, n: number) => ({ scene: `镜头${n}`, durationSeconds: s, visuals: '手机屏幕特写', voiceOver: `第${n}句口播`, onScreenText: '重点', musicCue: '轻快' });

interface Run {
  id: string;
  status: string;
  error: unknown;
  output: Record<string, unknown> | null;
  waiting: { node: string } | null;
}

/**
 * The built-in content graphs use tools of the content domain (suggest_titles,
 * write_video_script, illustrate_article, render_cover, format_for_platform).
 * In cloud mode only `creatorflow worker` executes runs, and it loads no HTTP
 * routes: the tools must come from the one place that wires every tool.
 * The same holds for the trend tools of topic-radar (trend_topics, suggest_topics, save_topic_ideas).
 */
describe.skipIf(!hasPostgres() || !testRedisUrl())('creatorflow worker runs the built-in content graphs (PostgreSQL + Redis)', () => {
  let drop: (() => Promise<void>) | undefined;
  let server: RunningInstance;
  let fake: FakeLlm;
  let trends: FakeTrends;
  let worker: CliProcess | undefined;
  let token: string;

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const until = async (id: string, statuses: string[]): Promise<Run> => {
    let run: Run | undefined;
    await waitFor(async () => statuses.includes((run = await api<Run>('GET', `/api/runs/${id}`)).status), `run ${id} to reach ${statuses.join('/')}`);
    return run!;
  };
  /** Starts a graph, answers its approval step and returns the finished run. */
  const runThrough = async (graph: string, inputs: Record<string, unknown>, answer: Record<string, unknown>): Promise<Run> => {
    const started = await api<Run>('POST', '/api/runs', { graph, inputs });
    const waiting = await until(started.id, ['waiting', 'failed', 'completed']);
    expect(waiting.status, JSON.stringify(waiting.error)).toBe('waiting');
    await api('POST', `/api/runs/${started.id}/resume`, { data: answer });
    return until(started.id, ['completed', 'failed']);
  };

  beforeAll(async () => {
    // The API server refreshes the lists from the replica; the worker only reads the shared rows.
    trends = await startFakeTrends();
    process.env.CREATORFLOW_TRENDS_BASE_URL = trends.url;
    process.env.CREATORFLOW_TRENDS_AUTO_REFRESH = 'off';
    fake = await startFakeLlm({
      rules: [
        { match: '最需要配图', reply: { json: { illustrations: [{ afterParagraph: 1, prompt: 'a commuter on a bike lane', alt: '清晨骑行' }] } } },
        { match: '生成大纲', reply: { text: '## 一、路线\n## 二、装备' } },
        { match: '撰写正文', reply: { chunks: DRAFT.split(/(?<=\n\n)/) } },
        { match: '自我审稿', reply: { json: { score: 9, issues: [] } } },
        { match: '标题候选', reply: { json: { titles: ['骑行通勤全攻略', '骑车上班的三个理由', '通勤新方式'], tags: ['骑行', '通勤'] } } },
        { match: '短视频编导', reply: { json: { title: '一分钟学会记账', hook: '月光族看过来', cta: '关注我', shots: [10, 10, 10, 10, 10, 10].map((s, i) => shot(s, i + 1)) } } },
        {
          match: '选题策划',
          reply: { json: { topics: [
            { topic: '黄皮口红怎么选', angle: '按肤色实测', why_now: '口红试色多榜在榜', titles: { xiaohongshu: '黄皮口红实测' }, citations: [1] },
            { topic: '干皮冬季护肤', angle: '早晚流程', why_now: '护肤攻略在榜', titles: { xiaohongshu: '干皮护肤流程' }, citations: [2] },
          ] } },
        },
        { match: '为文章写 5 个标题', reply: { json: { titles: [{ title: '3 个记账技巧，月底不再吃土', angle: '数字' }] } } },
      ],
    });
    const cloud = await cloudTestEnv();
    drop = cloud.drop;
    const env = { ...cloud.env, LOG_LEVEL: 'warn', OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-fake-cloud', CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' };
    // The API server queues runs and never executes them; the worker child process does.
    server = await startCloud(loadConfig({ mode: 'cloud', port: 0, host: '127.0.0.1' }, env), { logger: createLogger('silent') });
    const registered = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'content-worker@example.com', password: 'correct horse battery' }),
    });
    expect(registered.status).toBe(201);
    token = ((await registered.json()) as { access_token: string }).access_token;
    worker = cli(['worker'], env);
    await waitFor(() => worker!.stdout().includes('worker started') || worker!.child.exitCode !== null, 'the worker to start');
    expect(worker.stdout(), worker.stderr()).toContain('worker started (runs queue)');
  }, 240_000);
  afterAll(async () => {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.done;
    }
    await server?.stop();
    await drop?.();
    await fake?.close();
    await trends?.close();
    delete process.env.CREATORFLOW_TRENDS_BASE_URL;
    delete process.env.CREATORFLOW_TRENDS_AUTO_REFRESH;
  });

  it('content-creation: drafts, reviews, titles, covers and formats every platform in the worker', async () => {
    const done = await runThrough('content-creation', { topic: '骑行通勤：路线、装备和安全' }, { approved: true });
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const output = done.output as { work_id: string; versions: Array<{ platform: string; body: string }>; covers: Array<{ width: number; height: number }> };
    expect(output.work_id).toBeTruthy();
    expect(output.versions.map((v) => v.platform)).toEqual(['wechat_mp', 'xiaohongshu']);
    expect(output.versions.every((v) => v.body.length > 0)).toBe(true);
    expect(output.covers.map((c) => [c.width, c.height])).toEqual([
      [900, 383],
      [1080, 1440],
    ]);
  }, 300_000);

  it('video-script: writes the shot list with scored titles and saves a video_script work in the worker', async () => {
    const done = await runThrough('video-script', { topic: '月光族如何开始记账', format: '60s', platform: 'douyin' }, { approved: true, title: '3 个记账技巧，月底不再吃土' });
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.output).toMatchObject({ title: '3 个记账技巧，月底不再吃土', total_seconds: 60 });
    const work = await api<{ kind: string; body: string }>('GET', `/api/works/${(done.output as { work_id: string }).work_id}`);
    expect(work.kind).toBe('video_script');
    expect(work.body).toContain('| 2 | 镜头2 | 00:10 | 10 |');
  }, 300_000);

  it('topic-radar: trends, cited suggestions, the pick and 想法库 through the worker; the graph is runnable in cloud mode', async () => {
    const graphs = await api<{ items: Array<{ name: string; runnable: boolean; unavailable_tools: string[] }> }>('GET', '/api/graphs');
    for (const name of ['topic-radar', 'analytics']) expect(graphs.items.find((g) => g.name === name), name).toMatchObject({ runnable: true, unavailable_tools: [] });
    for (const id of ['weibo', 'douyin', 'toutiao', 'kuaishou']) expect(await api('POST', `/api/trends/sources/${id}/refresh`)).toMatchObject({ status: 'refreshed' });
    const done = await runThrough('topic-radar', { niche: '口红 护肤 粉底', platforms: ['xiaohongshu'], count: 3 }, { picks: [2] });
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const output = done.output as { status: string; topics: Array<{ topic: string; citations: Array<{ url: string }> }>; saved: Array<{ id: string; topic: string }> };
    expect(output.status).toBe('ok');
    expect(output.topics.map((t) => t.topic)).toEqual(['黄皮口红怎么选', '干皮冬季护肤']);
    expect(output.saved).toEqual([{ id: expect.any(String), topic: '干皮冬季护肤' }]);
    const ideas = (await api<{ items: Array<{ text: string; tags: string[] }> }>('GET', '/api/ideas?limit=50')).items.filter((i) => i.tags.includes('AI选题'));
    expect(ideas.map((i) => i.text.split('\n')[0])).toEqual(['选题：干皮冬季护肤']);
  }, 300_000);
});
