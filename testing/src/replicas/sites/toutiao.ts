import { esc, numericId, qrImg } from '../kit.ts';
import { type SiteDef } from '../sites.ts';

/**
 * 头条号 (mp.toutiao.com), after shared/reference/platform-facts.md §8
 * (woaker/social-auto-upload-tool, toutiao_publisher.py notes, wechatsync/Wechatsync
 * toutiao.ts; checked 2026-12-02): /auth/page/login with 扫码登录; the article
 * editor /profile_v4/graphic/publish with the AI assistant drawer mask over it,
 * the 标题 textarea (2～30个字), the ProseMirror body, .article-cover-add →
 * .mp-ic-img-drawer (上传图片, 已上传 N 张, 确定), 预览并发布 → 确认发布; the
 * editor's own POST /mp/agw/article/publish answering err_no 0 and data.pgc_id.
 * Layout 2: the cover button is renamed .article-cover-btn.
 */
export const toutiao: SiteDef = {
  id: 'toutiao',
  name: '头条号',
  cookies: ['sessionid', 'sso_uid_tt'],
  login: {
    path: '/auth/page/login',
    render: (token, notice) => `${notice ? `<div class="tip">${esc(notice)}</div>` : ''}<div class="web-login"><div class="web-login-tab">扫码登录</div><div class="web-login-tab">验证码登录</div>${qrImg(token, 'class="web-login-qrcode-img qrcode-img"')}</div>`,
  },
  loginRedirect: '/auth/page/login?redirect_url=%2Fprofile_v4%2Fgraphic%2Fpublish',
  afterLogin: '/profile_v4/index',
  apiPrefixes: ['/mp/agw/'],
  unauthorized: { err_no: 10007, message: '用户未登录' },
  editorPaths: ['/profile_v4/graphic/publish'],
  pages: {
    '/profile_v4/index': (c) => `<div class="auth-avator-name">${esc(c.user.nickname)}</div><a href="/profile_v4/graphic/publish">发布文章</a>`,
    '/profile_v4/graphic/publish': (c) => `<div class="publish-editor">
<div class="ai-assistant-drawer" data-r="drawer"><div class="byte-drawer-mask" data-r="mask" style="position:fixed;inset:0;background:rgba(0,0,0,.2)"></div><div class="byte-drawer">AI 创作助手</div></div>
<div class="editor-title"><textarea placeholder="请输入文章标题（2～30个字）" data-r="title"></textarea></div>
<div class="ProseMirror" contenteditable="true" data-r="body"></div>
<div class="${c.version === 1 ? 'article-cover-add' : 'article-cover-btn'}" data-r="cover-open">+ 添加封面</div>
<div class="mp-ic-img-drawer" data-r="cover-modal" hidden><div class="tabs"><span>素材库</span><span data-r="cover-tab">上传图片</span></div><input type="file" accept="image/*" data-r="cover-file" hidden><span data-r="cover-count"></span><button type="button" data-r="cover-ok">确定</button></div>
<div class="publish-error" data-r="error" hidden></div>
<div class="publish-footer"><button type="button">存草稿</button><button class="publish-btn" type="button" data-r="submit">预览并发布</button></div>
<div class="byte-modal" data-r="confirm" hidden><button type="button" data-r="confirm-ok">确认发布</button></div></div>
<script>
R.q('mask').addEventListener('click', () => { R.q('drawer').hidden = true; });
R.q('cover-open').addEventListener('click', () => { R.q('cover-modal').hidden = false; });
R.q('cover-tab').addEventListener('click', () => { R.q('cover-file').hidden = false; });
R.q('cover-file').addEventListener('change', async (e) => { await R.uploadFiles(e.target.files, 'cover'); R.q('cover-count').textContent = '已上传 ' + e.target.files.length + ' 张'; });
R.q('cover-ok').addEventListener('click', () => { R.q('cover-modal').hidden = true; });
R.q('submit').addEventListener('click', () => { R.q('confirm').hidden = false; });
R.q('confirm-ok').addEventListener('click', () => R.publish('/mp/agw/article/publish?source=mp&type=article&aid=1231', { kind: 'article', title: R.q('title').value, body: R.text(R.q('body')), tags: [] }, () => { location.href = '/profile_v4/manage/content/all'; }));
</script>`,
    '/profile_v4/manage/content/all': (c) => `<ul>${c.posts.map((p) => `<li data-id="${p.id}">${esc(p.title)}</li>`).join('')}</ul>`,
  },
  publish: { path: '/mp/agw/article/publish', answer: (post) => ({ err_no: 0, message: 'success', data: { pgc_id: post.id } }) },
  captcha: () => `<div id="captcha_container"><h3>请完成安全验证</h3></div>`,
  validate(input) {
    const n = [...(input.title ?? '')].length;
    if (n < 2 || n > 30) return '标题需要 2～30 个字';
    if (!input.body?.trim()) return '请输入正文';
    return undefined;
  },
  newId: numericId,
};
