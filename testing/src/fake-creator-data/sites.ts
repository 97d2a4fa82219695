/**
 * The data pages and JSON calls of each browser platform's creator site, as
 * the metrics flows of packages/insights (metrics/browser/flows/*.json) read
 * them: same paths, envelopes and field names as the real sites (each flow
 * file names its sources), with the account's posts and follower count
 * served from what a test seeds. The pages call their own API from a script,
 * as the real data pages do, so a flow that captures the page's call sees it.
 */

export interface DataPost {
  id: string;
  /** A second id some sites also list (快手 publishId, 视频号 exportId, 微博 mblogid). */
  altId?: string;
  title: string;
  publishedAt: number;
  views: number;
  likes: number;
  comments: number;
  shares: number;
  favorites: number;
}

export interface ApiContext {
  posts: DataPost[];
  followers: number;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** 2 = after a change of the site: a field the flow reads is renamed. */
  shape: 1 | 2;
  uid: string;
}

export interface DataSite {
  id: string;
  cookies: string[];
  loginPath: string;
  /** Paths that are the login page (passport hosts mapped onto the replica). */
  loginPage: string;
  /** Pages of the site: path → the API path its script calls (rendered into a table). */
  pages: Record<string, { calls: string; method?: 'GET' | 'POST' }>;
  api: Record<string, (c: ApiContext) => unknown>;
  /** An envelope the API answers when logged out (the HTTP status is 401). */
  loggedOut: unknown;
  /** Rendered JSON text (sites whose ids are long JSON numbers). */
  raw?: (answer: unknown) => string;
}

const page = <T>(items: T[], start: number, size: number) => items.slice(start, start + size);
const sec = (ms: number) => Math.floor(ms / 1000);

export const DATA_SITES: Record<string, DataSite> = {
  douyin: {
    id: 'douyin',
    cookies: ['sessionid', 'sessionid_ss'],
    loginPath: '/',
    loginPage: '<div class="login-card"><div class="title">手机号登录</div><div id="animate_qrcode_container"><img alt="二维码"></div></div>',
    pages: {
      '/creator-micro/content/manage': { calls: '/janus/douyin/creator/pc/work_list?status=0&page_size=12&max_cursor=0' },
      '/creator-micro/home': { calls: '/web/api/media/user/info/' },
    },
    api: {
      '/janus/douyin/creator/pc/work_list': (c) => ({
        status_code: 0,
        has_more: false,
        max_cursor: 0,
        aweme_list: page(c.posts, 0, 12).map((p) => ({
          aweme_id: `__BIG__${p.id}`,
          desc: p.title,
          create_time: sec(p.publishedAt),
          statistics: { [c.shape === 1 ? 'play_count' : 'play_cnt']: p.views, digg_count: p.likes, comment_count: p.comments, share_count: p.shares, collect_count: p.favorites },
        })),
      }),
      '/web/api/media/user/info/': (c) => ({ status_code: 0, user: { uid: c.uid, nickname: '抖音测试号', follower_count: c.followers } }),
    },
    loggedOut: { status_code: 8, status_msg: '用户未登录' },
    // 抖音 sends item ids as 19-digit JSON numbers.
    raw: (answer) => JSON.stringify(answer).replace(/"__BIG__(\d+)"/g, '$1'),
  },
  xiaohongshu: {
    id: 'xiaohongshu',
    cookies: ['galaxy_creator_session_id', 'access-token-creator.xiaohongshu.com', 'web_session'],
    loginPath: '/login',
    loginPage: '<div class="login-box"><div class="login-box-container"><div>APP扫一扫登录</div><div><img alt="qrcode"></div></div></div>',
    pages: {
      '/statistics/data-analysis': { calls: '/api/galaxy/creator/datacenter/note/analyze/list?type=0&page_size=10&page_num=1' },
      '/new/home': { calls: '/api/galaxy/creator/home/personal_info' },
    },
    api: {
      '/api/galaxy/creator/datacenter/note/analyze/list': (c) => ({
        success: true,
        code: 0,
        msg: '成功',
        data: {
          total: c.posts.length,
          note_infos: page(c.posts, 0, 10).map((p) => ({ id: p.id, title: p.title, post_time: p.publishedAt, read_count: p.views, like_count: p.likes, fav_count: p.favorites, comment_count: p.comments, share_count: p.shares })),
        },
      }),
      '/api/galaxy/creator/home/personal_info': (c) => ({ success: true, code: 0, data: { name: '小红书测试号', red_num: c.uid, [c.shape === 1 ? 'fans_count' : 'fans']: c.followers, follow_count: 12, faved_count: 300 } }),
    },
    loggedOut: { success: false, code: -1, msg: '登录已过期' },
  },
  kuaishou: {
    id: 'kuaishou',
    cookies: ['kuaishou.web.cp.api_st', 'kuaishou.web.cp.api_ph', 'userId'],
    loginPath: '/pc/account/login/',
    loginPage: '<main id="login-form"><div class="platform-switch">扫码登录</div><div class="qr-login"><img alt="qrcode"></div></main>',
    pages: {
      '/article/manage/video': { calls: '/rest/cp/works/v2/video/pc/photo/list', method: 'POST' },
      '/profile': { calls: '/rest/cp/creator/pc/home/infoV2', method: 'POST' },
    },
    api: {
      '/rest/cp/works/v2/video/pc/photo/list': (c) => ({
        result: 1,
        message: '成功',
        data: { list: page(c.posts, 0, 20).map((p) => ({ publishId: Number(p.altId ?? 0), workId: p.id, title: p.title, playCount: p.views, likeCount: p.likes, commentCount: p.comments, uploadTime: p.publishedAt, publishStatus: 1 })) },
      }),
      '/rest/cp/creator/pc/home/infoV2': (c) => ({ result: 1, data: { fansCnt: c.followers, followCnt: 3, likeCnt: 90, userId: Number(c.uid) || 1, userName: '快手测试号' } }),
    },
    loggedOut: { result: 109, message: '请先登录' },
  },
  wechat_channels: {
    id: 'wechat_channels',
    cookies: ['sessionid', 'wxuin'],
    loginPath: '/login.html',
    loginPage: '<iframe src="/login-for-iframe"></iframe>',
    pages: { '/platform/post/list': { calls: '/cgi-bin/mmfinderassistant-bin/post/post_list', method: 'POST' } },
    api: {
      '/cgi-bin/mmfinderassistant-bin/post/post_list': (c) => {
        const size = Number(c.body.pageSize ?? 20);
        const current = Number(c.body.currentPage ?? 1);
        return {
          errCode: 0,
          errMsg: 'ok',
          data: {
            totalCount: c.posts.length,
            list: page(c.posts, (current - 1) * size, size).map((p) => ({ objectId: p.id, exportId: p.altId, createTime: sec(p.publishedAt), readCount: p.views, likeCount: p.likes, commentCount: p.comments, forwardCount: p.shares, favCount: p.favorites, followCount: 2, fullPlayRate: 0.31, desc: { description: p.title } })),
          },
        };
      },
      '/cgi-bin/mmfinderassistant-bin/auth/auth_data': (c) => ({ errCode: 0, errMsg: 'ok', data: { finderUser: { finderUsername: `v2_${c.uid}@finder`, nickname: '视频号测试号', fansCount: c.followers } } }),
    },
    loggedOut: { errCode: 300333, errMsg: 'login expired' },
  },
  weibo: {
    id: 'weibo',
    cookies: ['SUB', 'SUBP'],
    loginPath: '/sso/signin',
    loginPage: '<div class="qrcode"><img src="/sso/qrcode.png" alt="扫码登录"></div>',
    pages: { '/': { calls: '/ajax/statuses/mymblog?uid={uid}&page=1&feature=0' } },
    api: {
      '/ajax/statuses/mymblog': (c) => {
        const n = Number(c.query.get('page') ?? '1');
        if (c.query.get('uid') !== c.uid) return { ok: 0, msg: '用户不存在', data: { list: [] } };
        return {
          ok: 1,
          data: {
            since_id: '',
            total: c.posts.length,
            list: page(c.posts, (n - 1) * 20, 20).map((p) => ({ idstr: p.id, id: Number(p.id), mblogid: p.altId, text_raw: p.title, created_at: new Date(p.publishedAt).toUTCString(), reposts_count: p.shares, comments_count: p.comments, attitudes_count: p.likes })),
          },
        };
      },
      '/ajax/profile/info': (c) => (c.query.get('uid') === c.uid ? { ok: 1, data: { user: { idstr: c.uid, screen_name: '微博测试号', followers_count: c.followers } } } : { ok: 0, msg: '用户不存在' }),
    },
    loggedOut: { ok: -100, url: 'https://weibo.com/login.php' },
  },
  zhihu: {
    id: 'zhihu',
    cookies: ['z_c0'],
    loginPath: '/signin',
    loginPage: '<div class="SignFlow"><div>扫码登录</div><canvas></canvas></div>',
    pages: { '/creator/analytics/work/all': { calls: '/api/v4/creators/homepage' } },
    api: {
      '/api/v4/creators/creations/v2/all': (c) => {
        const offset = Number(c.query.get('offset') ?? '0');
        const limit = Number(c.query.get('limit') ?? '20');
        return {
          paging: { is_end: offset + limit >= c.posts.length, totals: c.posts.length },
          data: page(c.posts, offset, limit).map((p) => ({
            type: 'article',
            data: { id: p.id, title: p.title, created: sec(p.publishedAt) },
            reaction: { read_count: p.views, vote_up_count: p.likes, comment_count: p.comments, collect_count: p.favorites },
          })),
        };
      },
      '/api/v4/creators/homepage': () => ({ realtime_card: { today_read_count: 12 } }),
      '/api/v4/me': (c) => ({ id: c.uid, url_token: 'tester', name: '知乎测试号', follower_count: c.followers }),
    },
    loggedOut: { error: { code: 100, message: '请求需要登录' } },
  },
  toutiao: {
    id: 'toutiao',
    cookies: ['sessionid', 'sso_uid_tt'],
    loginPath: '/auth/page/login',
    loginPage: '<div class="login"><span>扫码登录</span><img class="qrcode" alt="qrcode"></div>',
    pages: { '/profile_v4/manage/content/all': { calls: '/mp/agw/creator_center/list/v2?status=2&type=0&page_size=20&need_stat=true&wenda_type=1&app_id=1231' } },
    api: {
      '/mp/agw/creator_center/list/v2': (c) => {
        const cursor = Number(c.query.get('cursor') ?? '0');
        const size = Number(c.query.get('page_size') ?? '20');
        const rows = page(c.posts, cursor, size);
        return {
          code: 0,
          message: 'success',
          has_more: cursor + size < c.posts.length,
          end_cursor: cursor + rows.length,
          total_count: c.posts.length,
          contents: rows.map((p) => ({
            article_attr: { item_id: p.id, title: p.title, create_time: sec(p.publishedAt), status: 2 },
            article_stat: { impression_count: p.views * 10, go_detail_count: p.views, comment_count: p.comments, digg_count: p.likes },
          })),
        };
      },
      '/mp/agw/creator_center/user_info': (c) => ({ code: 0, message: 'success', user_id: Number(c.uid) || 1, name: '头条测试号', total_fans_count: c.followers }),
    },
    loggedOut: { code: 4001, message: '用户未登录' },
  },
};
