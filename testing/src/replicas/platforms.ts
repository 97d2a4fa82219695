/**
 * Per-platform data for the replica sites: names, paths, the element ids of
 * each page and what the editor accepts. One engine renders all eight, so a
 * replica differs from another only here — as the real sites differ.
 */
export interface ReplicaPlatform {
  id: string;
  name: string;
  cookieName: string;
  paths: { login: string; home: string; editor: string; success: string; manage: string; post: string };
  /** Element ids of the editor (version 1 layout). */
  ids: { title: string; body: string; images: string; video: string; cover: string; tags: string; submit: string; uploaded: string };
  media: 'images' | 'video' | 'both' | 'none';
  hasTitle: boolean;
  hasCover: boolean;
  titleMax: number;
}

const ids = (prefix: string): ReplicaPlatform['ids'] => ({
  title: `${prefix}-title`,
  body: `${prefix}-content`,
  images: `${prefix}-image-input`,
  video: `${prefix}-video-input`,
  cover: `${prefix}-cover-input`,
  tags: `${prefix}-topics`,
  submit: `${prefix}-publish-btn`,
  uploaded: `${prefix}-uploaded`,
});

export const REPLICA_PLATFORMS: Record<string, ReplicaPlatform> = {
  xiaohongshu: {
    id: 'xiaohongshu',
    name: '小红书创作服务平台',
    cookieName: 'web_session',
    paths: { login: '/login', home: '/creator/home', editor: '/publish/publish', success: '/publish/success', manage: '/new/note-manager', post: '/explore' },
    ids: ids('note'),
    media: 'both',
    hasTitle: true,
    hasCover: false,
    titleMax: 20,
  },
  douyin: {
    id: 'douyin',
    name: '抖音创作者中心',
    cookieName: 'sessionid',
    paths: { login: '/login', home: '/creator-micro/home', editor: '/creator-micro/content/upload', success: '/creator-micro/content/success', manage: '/creator-micro/content/manage', post: '/video' },
    ids: ids('dy'),
    media: 'both',
    hasTitle: true,
    hasCover: true,
    titleMax: 30,
  },
  bilibili: {
    id: 'bilibili',
    name: '哔哩哔哩创作中心',
    cookieName: 'SESSDATA',
    paths: { login: '/login', home: '/platform/home', editor: '/platform/upload/video/frame', success: '/platform/upload/success', manage: '/platform/upload-manager/article', post: '/video' },
    ids: ids('bili'),
    media: 'video',
    hasTitle: true,
    hasCover: true,
    titleMax: 80,
  },
  zhihu: {
    id: 'zhihu',
    name: '知乎',
    cookieName: 'z_c0',
    paths: { login: '/signin', home: '/creator', editor: '/write', success: '/write/success', manage: '/creator/manage/creation/all', post: '/p' },
    ids: ids('zh'),
    media: 'images',
    hasTitle: true,
    hasCover: true,
    titleMax: 100,
  },
  weibo: {
    id: 'weibo',
    name: '微博',
    cookieName: 'SUB',
    paths: { login: '/signin/login', home: '/home', editor: '/compose', success: '/compose/done', manage: '/profile/posts', post: '/detail' },
    ids: ids('wb'),
    media: 'images',
    hasTitle: false,
    hasCover: false,
    titleMax: 0,
  },
  toutiao: {
    id: 'toutiao',
    name: '头条号',
    cookieName: 'sso_uid_tt',
    paths: { login: '/auth/page/login', home: '/profile_v4/index', editor: '/profile_v4/graphic/publish', success: '/profile_v4/graphic/success', manage: '/profile_v4/manage/content/all', post: '/article' },
    ids: ids('tt'),
    media: 'images',
    hasTitle: true,
    hasCover: true,
    titleMax: 30,
  },
  kuaishou: {
    id: 'kuaishou',
    name: '快手创作者服务平台',
    cookieName: 'kuaishou.web.cp.api_st',
    paths: { login: '/login', home: '/profile', editor: '/article/publish/video', success: '/article/publish/success', manage: '/article/manage/video', post: '/short-video' },
    ids: ids('ks'),
    media: 'video',
    hasTitle: false,
    hasCover: true,
    titleMax: 0,
  },
  wechat_channels: {
    id: 'wechat_channels',
    name: '视频号助手',
    cookieName: 'sessionid',
    paths: { login: '/login.html', home: '/platform', editor: '/platform/post/create', success: '/platform/post/success', manage: '/platform/post/list', post: '/feed' },
    ids: ids('finder'),
    media: 'video',
    hasTitle: true,
    hasCover: true,
    titleMax: 16,
  },
};
