import { CreatorFlowError } from '@creatorflow/core';
import { MetricsError } from '../errors.ts';
import { addDays, latestDataDay, spanRanges } from './wechat-dates.ts';

/**
 * The 公众号 data endpoints (datacube) we read, with each one's 最大时间跨度
 * (days per call). Sources (checked 2026-12-02):
 * - https://developers.weixin.qq.com/doc/service/api/wedata/news/api_getarticletotaldetail
 * - https://developers.weixin.qq.com/doc/service/api/wedata/news/api_getarticleread
 * - https://developers.weixin.qq.com/doc/subscription/api/wedata/news/api_getbizsummary
 * - https://developers.weixin.qq.com/doc/service/api/wedata/news/api_getarticletotal (stopped being maintained; fallback)
 * - https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html (spans: getarticlesummary 1,
 *   getarticletotal 1, getuserread 3; getarticletotal counts at most 7 days after the publish date)
 * - https://developers.weixin.qq.com/doc/offiaccount/Analytics/User_Analysis_Data_Interface.html (getusersummary 7, getusercumulate 7)
 * The pages of the three current endpoints do not state a span in what we read; they are called one day
 * at a time, which every datacube endpoint accepts.
 */
export const DATACUBE_SPANS = {
  getarticletotaldetail: 1,
  getarticleread: 1,
  getbizsummary: 1,
  getarticlesummary: 1,
  getarticletotal: 1,
  getuserread: 3,
  getusersummary: 7,
  getusercumulate: 7,
} as const;
export type DatacubeEndpoint = keyof typeof DATACUBE_SPANS;

/** Anything that can POST a JSON body to a WeChat API path with a fresh access token. */
export interface WechatCaller {
  call(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** Calls one datacube endpoint over [begin, end], split by its span and clamped to yesterday; the lists are concatenated. */
export async function datacube(api: WechatCaller, endpoint: DatacubeEndpoint, begin: string, end: string, now: Date): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (const range of spanRanges(begin, end, DATACUBE_SPANS[endpoint], now)) {
    let json: Record<string, unknown>;
    try {
      json = await api.call(`/datacube/${endpoint}`, range);
    } catch (error) {
      throw datacubeError(error, endpoint, range, now);
    }
    const list = json.list;
    if (Array.isArray(list)) out.push(...(list as Array<Record<string, unknown>>));
  }
  return out;
}

/** WeChat's error codes of the data API, in words a creator can act on. */
export function datacubeError(error: unknown, endpoint: string, range: { begin_date: string; end_date: string }, now: Date): unknown {
  const errcode = CreatorFlowError.isInstance(error) ? error.details?.errcode : undefined;
  if (typeof errcode !== 'number') return error;
  const where = `[${endpoint} ${range.begin_date}..${range.end_date}, errcode ${errcode}]`;
  if (errcode === 61501) {
    return new MetricsError(
      'METRICS_DATE_RANGE',
      `WeChat refused the date range: the data API answers at most ${DATACUBE_SPANS[endpoint as DatacubeEndpoint] ?? 1} day(s) per call and nothing later than yesterday (${latestDataDay(now)}). ${where}`,
      { cause: error, details: { errcode, endpoint } },
    );
  }
  if (errcode === 45009) {
    return new MetricsError('METRICS_QUOTA', `The daily API quota of this 公众号 is used up; collection resumes tomorrow (or clear the quota in 公众号后台 → 设置与开发 → 基本配置). ${where}`, {
      cause: error,
      retryable: true,
      retryAt: new Date(Date.parse(`${addDays(latestDataDay(now), 2)}T00:30:00+08:00`)),
      details: { errcode, endpoint },
    });
  }
  if (errcode === 48001) {
    return new MetricsError('METRICS_UNAUTHORIZED', `This 公众号 may not use the data API (${endpoint}): it needs a verified account with the 数据统计 permission. ${where}`, {
      cause: error,
      details: { errcode, endpoint },
    });
  }
  return error;
}
