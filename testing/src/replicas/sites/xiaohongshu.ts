import { esc, hexId, qrImg } from '../kit.ts';
import { type SiteDef } from '../sites.ts';

/**
 * 小红书创作服务平台 (creator.xiaohongshu.com), after dreammis/social-auto-upload
 * uploader/xiaohongshu_uploader/main.py @13f7bd7a (checked 2026-12-02): the
 * login box with the 扫一扫 switch, /publish/publish?target=image|video, the
 * 填写标题 input, the tiptap body with its 输入正文描述 placeholder, the
 * #creator-editor-topic-container picker, the cover modal, the 定时发布 switch
 * card with its d-datepicker, and /publish/success. The notes list answers
 * /api/galaxy/v2/creator/note/user/posted as creator-centre scrapers read it.
 * Layout 2: the title placeholder becomes 输入标题 (a redesign the flow must notice).
 */
export const xiaohongshu: SiteDef = {
  id: 'xiaohongshu',
  name: '小红书创作服务平台',
  cookies: ['galaxy_creator_session_id', 'web_session'],
  login: {
    path: '/login',
    render: (token, notice) => `${notice ? `<div class="login-tip">${esc(notice)}</div>` : ''}
<div class="login-box-container"><div class="login-box">
  <img class="css-wemwzq" data-r="switch" alt="切换" width="24" height="24" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='24' height='24'%3E%3Crect width='24' height='24' fill='%23333'/%3E%3C/svg%3E">
  <div data-r="sms"><h3>短信登录</h3><input placeholder="手机号"><input placeholder="验证码"><button type="button">登录</button></div>
  <div data-r="qr" hidden><div class="qr-title"><span>APP扫一扫登录</span></div><div class="qr-img">${qrImg(token)}</div></div>
</div></div>
<script>document.querySelector('[data-r=switch]').addEventListener('click', () => { const q = document.querySelector('[data-r=qr]'); const s = document.querySelector('[data-r=sms]'); q.hidden = !q.hidden; s.hidden = !q.hidden; });</script>`,
  },
  loginRedirect: '/login',
  afterLogin: '/new/home',
  apiPrefixes: ['/api/'],
  unauthorized: { code: -100, success: false, msg: '登录已过期' },
  editorPaths: ['/publish/publish'],
  pages: {
    '/new/home': (c) => `<div class="creator-home"><div class="account-name">${esc(c.user.nickname)}</div><a href="/publish/publish?from=homepage&target=image">发布笔记</a></div>`,
    '/publish/publish': (c) => editor(c.url.searchParams.get('target') === 'video' ? 'video' : 'image_note', c.version),
    '/publish/success': () => `<div class="success-container"><h2>发布成功</h2><a href="/new/note-manager">查看笔记</a></div>`,
    '/new/note-manager': (c) => `<ul>${c.posts.map((p) => `<li data-id="${p.id}">${esc(p.title)}</li>`).join('')}</ul>`,
  },
  publish: { path: '/__replica/publish', answer: (post) => ({ code: 0, success: true, data: { id: post.id } }) },
  list: {
    path: '/api/galaxy/v2/creator/note/user/posted',
    render: (posts) => ({ code: 0, success: true, data: { notes: posts.map((p) => ({ id: p.id, display_title: p.title, type: p.kind === 'video' ? 'video' : 'normal', time: p.createdAt })), page: -1 } }),
  },
  profile: { path: '/api/galaxy/creator/home/personal_info', render: (u) => ({ code: 0, success: true, data: { name: u.nickname, red_num: u.id, fans_count: 0 } }) },
  captcha: () => `<div class="red-captcha"><h2>请完成安全验证</h2><div class="slider">拖动滑块完成拼图</div></div>`,
  validate(input) {
    if (input.kind === 'image_note' && !input.uploads.some((u) => u.kind === 'images')) return '请上传图片';
    if (input.kind === 'video' && !input.uploads.some((u) => u.kind === 'video')) return '请上传视频';
    if (!input.title?.trim()) return '请填写标题';
    if ([...input.title].length > 20) return '标题最多20个字';
    return undefined;
  },
  newId: hexId(12),
};

function editor(kind: 'image_note' | 'video', version: 1 | 2): string {
  const titlePh = version === 1 ? '填写标题会有更多赞哦～' : '输入标题，让更多人看到';
  const upload =
    kind === 'video'
      ? `<div class="upload-content"><input class="upload-input" type="file" accept="video/mp4,video/quicktime" data-r="file"><div class="upload-btn">上传视频</div></div>`
      : `<div class="upload-content image"><input class="upload-input" type="file" multiple accept="image/png,image/jpeg,image/webp" data-r="file"><div class="upload-btn">上传图片</div></div>`;
  const cover =
    kind === 'video'
      ? `<div class="cover-plugin-preview"><div class="cover-plugin-title">设置封面</div><div class="cover"><div class="default" data-r="cover-open">修改封面</div></div></div>
<div class="d-modal cover-modal" data-r="cover-modal" hidden><h4>设置封面</h4><input type="file" accept="image/png,image/jpeg" data-r="cover-file"><div class="d-modal-footer"><button class="mojito-button" type="button" data-r="cover-ok">确定</button></div></div>`
      : '';
  return `<div class="publish-page">
<div class="header-tabs"><span class="tab${kind === 'video' ? ' active' : ''}">上传视频</span><span class="tab${kind === 'image_note' ? ' active' : ''}">上传图文</span></div>
${upload}
<div class="progress" data-r="progress" hidden></div>
<div class="post-form" data-r="form" hidden>
  <div class="titleInput"><input class="d-text" type="text" placeholder="${titlePh}" data-r="title"></div>
  <div class="editor-container"><div class="tiptap ProseMirror" contenteditable="true" data-r="body" data-ph="输入正文描述，真诚有价值的分享予人温暖"><p data-placeholder="输入正文描述，真诚有价值的分享予人温暖"><br></p></div>
  <div id="creator-editor-topic-container" data-r="picker" hidden></div></div>
  ${cover}
  <div class="custom-switch-card"><span class="title">定时发布</span><div class="d-switch" data-r="switch" style="display:inline-block;width:36px;height:20px;border-radius:10px;background:#ddd"><span class="d-switch-simulator"></span></div></div>
  <div class="d-datepicker-input-filter" data-r="date" hidden><input class="d-text" placeholder="选择日期和时间"></div>
  <div class="publish-error" data-r="error" hidden></div>
  <button class="publishBtn" type="button" data-r="submit"><span class="d-text">发布</span></button>
</div></div>
<script>
const kind = ${JSON.stringify(kind)};
const file = R.q('file'), form = R.q('form'), body = R.q('body');
file.addEventListener('change', async () => { await R.uploadFiles(file.files, kind === 'video' ? 'video' : 'images', R.q('progress')); form.hidden = false; });
R.editor(body, R.q('picker'));
R.q('switch').addEventListener('click', () => { R.scheduled = !R.scheduled; R.q('date').hidden = !R.scheduled; R.q('submit').querySelector('span').textContent = R.scheduled ? '定时发布' : '发布'; });
const co = R.q('cover-open');
if (co) {
  co.addEventListener('click', () => { R.q('cover-modal').hidden = false; });
  R.q('cover-file').addEventListener('change', (e) => R.uploadFiles(e.target.files, 'cover'));
  R.q('cover-ok').addEventListener('click', () => { R.q('cover-modal').hidden = true; });
}
R.q('submit').addEventListener('click', () => R.publish('/__replica/publish', {
  kind, title: R.q('title').value, body: R.text(body), tags: R.topics,
  scheduleAt: R.scheduled ? R.q('date').querySelector('input').value : undefined,
}, () => { location.href = '/publish/success?source=&bind_status=0&proxy='; }));
</script>`;
}
