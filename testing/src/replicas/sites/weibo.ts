import { esc, numericId, qrImg } from '../kit.ts';
import { type SiteDef } from '../sites.ts';

/**
 * 微博 (weibo.com) and its passport login, after dreammis/social-auto-upload
 * uploader/weibo_uploader/main.py @466f81d3 (checked 2026-12-02): the passport
 * /sso/signin page with its qrcode image; a logged-in home with the
 * woo-avatar / Nav_avatar header and the 有什么新鲜事想分享给大家？ composer,
 * 上传中 while pictures upload, 发送, and the 发布成功 notice.
 * Layout 2: the composer placeholder becomes 分享新鲜事…
 */
export const weibo: SiteDef = {
  id: 'weibo',
  name: '微博',
  cookies: ['SUB', 'SUBP'],
  login: {
    path: '/sso/signin',
    render: (token, notice) => `${notice ? `<div class="tip">${esc(notice)}</div>` : ''}<div class="login-qrcode">${qrImg(token, 'node-type="qrcode_img"')}<p>请使用微博客户端扫码登录</p></div>`,
  },
  loginRedirect: '/sso/signin?entry=miniblog&source=miniblog&url=https%3A%2F%2Fweibo.com%2F',
  afterLogin: '/',
  apiPrefixes: ['/ajax/'],
  unauthorized: { ok: -100, url: 'https://passport.weibo.com/sso/signin' },
  editorPaths: ['/'],
  pages: {
    '/': (c) => `<div class="Nav_wrap"><div class="woo-avatar-main Nav_avatar_3n1"><img alt="${esc(c.user.nickname)}"></div></div>
<div class="Form_wbox"><textarea class="Form_input" placeholder="${c.version === 1 ? '有什么新鲜事想分享给大家？' : '分享新鲜事…'}" data-r="text"></textarea>
<div class="Tool_bar"><input type="file" multiple accept="image/jpg,image/jpeg,image/png,image/gif" data-r="file"><span data-r="progress" hidden></span></div>
<div class="Form_error" data-r="error" hidden></div><button class="woo-button-main woo-button-primary" type="button" data-r="submit">发送</button></div>
<div class="woo-toast" data-r="ok" hidden>发布成功</div>
<div class="Feed_list">${c.posts.map((p) => `<article data-mid="${p.id}">${esc(p.body)}</article>`).join('')}</div>
<script>
R.q('file').addEventListener('change', (e) => R.uploadFiles(e.target.files, 'images', R.q('progress')));
R.q('submit').addEventListener('click', () => {
  const text = R.q('text').value;
  R.publish('/ajax/statuses/update', { kind: R.uploads.length ? 'image_note' : 'short_post', title: '', body: text.replace(/#[^\\s#]+/g, '').trim(), tags: R.hashtags(text) }, () => { R.q('ok').hidden = false; R.q('text').value = ''; });
});
</script>`,
  },
  publish: { path: '/ajax/statuses/update', answer: (post) => ({ ok: 1, data: { idstr: post.id, mid: post.id } }) },
  captcha: () => `<div class="verify-box"><h3>请完成安全验证</h3><p>拖动滑块完成拼图</p></div>`,
  validate(input) {
    if (!input.body?.trim()) return '请输入微博内容';
    if ([...input.body].length > 2000) return '微博内容超过2000字';
    return undefined;
  },
  newId: numericId,
};
