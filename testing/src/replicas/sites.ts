import type { ReplicaPost, ReplicaUser } from './engine.ts';
import { bilibili } from './sites/bilibili.ts';
import { douyin } from './sites/douyin.ts';
import { kuaishou } from './sites/kuaishou.ts';
import { toutiao } from './sites/toutiao.ts';
import { wechatChannels } from './sites/wechat-channels.ts';
import { weibo } from './sites/weibo.ts';
import { xiaohongshu } from './sites/xiaohongshu.ts';
import { zhihu } from './sites/zhihu.ts';

/** What an editor page sends when its publish button is clicked (files were uploaded before). */
export interface PublishInput {
  kind: string;
  title?: string;
  body?: string;
  tags?: string[];
  scheduleAt?: string;
  uploads: Array<{ kind: string; name: string; size: number }>;
}

export interface PageContext {
  /** 2 = after a redesign (each site says what changed). */
  version: 1 | 2;
  user: ReplicaUser;
  url: URL;
  posts: ReplicaPost[];
  draft: { uploads: Array<{ kind: string; name: string }>; cover?: { name: string } };
}

/**
 * One platform's creator site as the replica serves it: the same paths, DOM
 * hooks, placeholders, texts and success URLs as the real site (each file
 * names the sources its markup follows), on one local host for all of the
 * site's hosts (passport, creator centre).
 */
export interface SiteDef {
  id: string;
  name: string;
  /** Cookies set at login; the first is the one tests inject. */
  cookies: string[];
  login: { path: string; alsoAt?: string[]; render(qrToken: string, notice: string | undefined): string; frame?(qrToken: string): string };
  /** Where a logged-out visitor is sent. */
  loginRedirect: string;
  /** Where the login page goes after the phone confirms. */
  afterLogin: string;
  /** JSON paths answering 401 instead of a redirect. */
  apiPrefixes: string[];
  unauthorized: unknown;
  pages: Record<string, (c: PageContext) => string>;
  /** Pages with an id in the path (/p/123). */
  dynamic?(path: string): ((c: PageContext) => string) | undefined;
  /** Pages that show the captcha instead when risk control is on. */
  editorPaths: string[];
  publish: { path: string; answer(post: ReplicaPost): unknown };
  list?: { path: string; render(posts: ReplicaPost[]): unknown };
  /** The site's "who am I" call. */
  profile?: { path: string; render(user: ReplicaUser): unknown };
  captcha(): string;
  validate(input: PublishInput, version: 1 | 2): string | undefined;
  newId(): string;
}

export const REPLICA_SITES: Record<string, SiteDef> = {
  xiaohongshu,
  douyin,
  kuaishou,
  wechat_channels: wechatChannels,
  bilibili,
  zhihu,
  weibo,
  toutiao,
};
