/**
 * The data-analysis endpoints (datacube) of the fake 公众号 API, with the real
 * field names, each endpoint's 最大时间跨度, "end_date at most yesterday"
 * (Beijing time) and the error codes 61500/61501 (date format/range), 48001
 * (not authorised) and, through `failNext`, 45009 (daily quota).
 * Facts from developers.weixin.qq.com (wedata/news/api_* and the older
 * Analytics/*_Data_Interface pages), checked 2026-12-02.
 */
// The pages of getarticletotaldetail and getbizsummary state no span in what we read (only that
// getarticletotaldetail sums at most 30 days per article); the fake accepts up to 30 days for those.
export const FAKE_DATACUBE_SPANS: Record<string, number> = {
  getarticletotaldetail: 30,
  getarticleread: 1,
  getbizsummary: 30,
  getarticlesummary: 1,
  getarticletotal: 1,
  getuserread: 3,
  getusersummary: 7,
  getusercumulate: 7,
};

/** New activity of one article on one day (the day's increment, not a total). */
export interface FakeArticleDay {
  read_user?: number;
  read_count?: number;
  share_user?: number;
  share_count?: number;
  like_user?: number;
  zaikan_user?: number;
  comment_count?: number;
  add_to_fav_user?: number;
  add_to_fav_count?: number;
}

export interface FakeArticle {
  /** `${msg_data_id}_${index}`, as datacube names articles. */
  msgid: string;
  title: string;
  /** Publish date (Beijing), YYYY-MM-DD. */
  refDate: string;
  /** days[i] is what happened on refDate + i. */
  days: FakeArticleDay[];
}

export interface FakeUserDay {
  cumulate_user: number;
  new_user: number;
  cancel_user: number;
}

export interface DatacubeState {
  articles: Map<string, FakeArticle>;
  users: Map<string, FakeUserDay>;
  /** Endpoints answering 48001 (the account lacks the permission). */
  denied: Set<string>;
  /** Today in Beijing time, YYYY-MM-DD. */
  today(): string;
}

type Json = Record<string, unknown>;
const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

export function beijingToday(nowMs: number = Date.now()): string {
  return new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Answers one datacube call, or an error object when WeChat would refuse it. */
export function handleDatacube(endpoint: string, body: Json, state: DatacubeState): Json {
  const span = FAKE_DATACUBE_SPANS[endpoint];
  if (span === undefined) return { errcode: 404, errmsg: `unknown datacube endpoint ${endpoint}` };
  if (state.denied.has(endpoint)) return { errcode: 48001, errmsg: 'api unauthorized' };
  const { begin_date: begin, end_date: end } = body;
  if (!isDay(begin) || !isDay(end)) return { errcode: 61500, errmsg: 'date format error' };
  const yesterday = addDays(state.today(), -1);
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${begin}T00:00:00Z`)) / DAY_MS) + 1;
  if (days < 1 || days > span || end > yesterday) return { errcode: 61501, errmsg: 'date range error' };
  const range = Array.from({ length: days }, (_, i) => addDays(begin, i));
  const articles = [...state.articles.values()];
  const on = (a: FakeArticle, day: string): FakeArticleDay | undefined => a.days[Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${a.refDate}T00:00:00Z`)) / DAY_MS)];
  const total = (a: FakeArticle, through: string): Required<FakeArticleDay> => {
    const sum: Required<FakeArticleDay> = { read_user: 0, read_count: 0, share_user: 0, share_count: 0, like_user: 0, zaikan_user: 0, comment_count: 0, add_to_fav_user: 0, add_to_fav_count: 0 };
    for (let day = a.refDate; day <= through; day = addDays(day, 1)) {
      const d = on(a, day);
      for (const k of Object.keys(sum) as Array<keyof FakeArticleDay>) sum[k] += d?.[k] ?? 0;
    }
    return sum;
  };
  const statDays = (a: FakeArticle, maxDays: number) => Array.from({ length: maxDays }, (_, i) => addDays(a.refDate, i)).filter((d) => d <= yesterday);
  const published = articles.filter((a) => a.refDate >= begin && a.refDate <= end);

  switch (endpoint) {
    case 'getarticletotaldetail':
      return {
        is_delay: false,
        list: published.map((a) => ({
          ref_date: a.refDate,
          msgid: a.msgid,
          publish_type: 0,
          detail_list: statDays(a, 30).map((stat) => {
            const t = total(a, stat);
            return { stat_date: stat, read_user: t.read_user, read_user_source: [{ user_source: 0, read_user: t.read_user }], share_user: t.share_user, zaikan_user: t.zaikan_user, like_user: t.like_user, comment_count: t.comment_count };
          }),
        })),
      };
    case 'getarticletotal':
      return {
        list: published.map((a) => ({
          ref_date: a.refDate,
          msgid: a.msgid,
          title: a.title,
          details: statDays(a, 7).map((stat) => {
            const t = total(a, stat);
            return {
              stat_date: stat,
              target_user: state.users.get(a.refDate)?.cumulate_user ?? 0,
              int_page_read_user: t.read_user,
              int_page_read_count: t.read_count,
              ori_page_read_user: 0,
              ori_page_read_count: 0,
              share_user: t.share_user,
              share_count: t.share_count,
              add_to_fav_user: t.add_to_fav_user,
              add_to_fav_count: t.add_to_fav_count,
            };
          }),
        })),
      };
    case 'getarticleread':
      return { is_delay: false, list: range.flatMap((day) => articles.flatMap((a) => (on(a, day) ? [{ ref_date: day, msgid: a.msgid, detail: { read_user: on(a, day)!.read_user ?? 0, read_user_source: [] } }] : []))) };
    case 'getarticlesummary':
      return {
        list: range.flatMap((day) =>
          articles.flatMap((a) => {
            const d = on(a, day);
            return d ? [{ ref_date: day, msgid: a.msgid, title: a.title, user_source: 0, int_page_read_user: d.read_user ?? 0, int_page_read_count: d.read_count ?? 0, ori_page_read_user: 0, ori_page_read_count: 0, share_user: d.share_user ?? 0, share_count: d.share_count ?? 0, add_to_fav_user: d.add_to_fav_user ?? 0, add_to_fav_count: d.add_to_fav_count ?? 0 }] : [];
          }),
        ),
      };
    case 'getbizsummary':
    case 'getuserread': {
      const perDay = range.map((day) => {
        const sum = { read_user: 0, read_count: 0, share_user: 0, share_count: 0, like_user: 0, zaikan_user: 0, comment_count: 0, add_to_fav_user: 0, add_to_fav_count: 0 };
        for (const a of articles) for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += on(a, day)?.[k] ?? 0;
        return { day, sum };
      });
      if (endpoint === 'getbizsummary') {
        return { is_delay: false, list: perDay.map(({ day, sum }) => ({ ref_date: day, detail: { read_user: sum.read_user, read_user_source: [], share_user: sum.share_user, zaikan_user: sum.zaikan_user, like_user: sum.like_user, comment_count: sum.comment_count } })) };
      }
      return {
        list: perDay.map(({ day, sum }) => ({ ref_date: day, user_source: 99999999, int_page_read_user: sum.read_user, int_page_read_count: sum.read_count, ori_page_read_user: 0, ori_page_read_count: 0, share_user: sum.share_user, share_count: sum.share_count, add_to_fav_user: sum.add_to_fav_user, add_to_fav_count: sum.add_to_fav_count })),
      };
    }
    case 'getusersummary':
      return { list: range.flatMap((day) => (state.users.has(day) ? [{ ref_date: day, user_source: 0, new_user: state.users.get(day)!.new_user, cancel_user: state.users.get(day)!.cancel_user }] : [])) };
    case 'getusercumulate':
      return { list: range.flatMap((day) => (state.users.has(day) ? [{ ref_date: day, cumulate_user: state.users.get(day)!.cumulate_user }] : [])) };
    default:
      return { errcode: 404, errmsg: `unknown datacube endpoint ${endpoint}` };
  }
}
