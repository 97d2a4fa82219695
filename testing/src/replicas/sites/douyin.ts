import { esc, numericId, qrDataUrl, FACE_URL } from '../kit.ts';
import { type PageContext, type SiteDef } from '../sites.ts';

/**
 * 抖音创作者中心 (creator.douyin.com), after dreammis/social-auto-upload
 * uploader/douyin_uploader/main.py @021ed209 and the HEAD summary in
 * shared/reference/platform-facts.md §2 (checked 2026-12-02): a logged-out visit
 * lands on the root login with 手机号登录 and the 扫码登录 tab
 * (#animate_qrcode_container img[src^=data:image]); /creator-micro/content/upload
 * with input.upload-btn-input (and 发布图文 with an image input in a
 * div[class^=container]); after the file the site moves to
 * /creator-micro/content/post/video?enter_from=publish_page where the upload
 * finishes (long-card 重新上传, or 上传失败 in div.progress-div); 填写作品标题,
 * the .zone-container description, the 选择封面 modal (semi-modal, 上传封面,
 * input.semi-upload-hidden-input, uploadCrop 完成), the 定时发布 radio and the
 * 日期和时间 input, the exact 发布 button, and /creator-micro/content/manage.
 * Who is logged in: /web/api/media/user/info/ (user.nickname, avatar_thumb), as
 * public uploaders read it (gitcoffee-os/postbot douyin.meta.ts).
 * Layout 2: the title placeholder becomes 添加作品标题.
 */
export const douyin: SiteDef = {
  id: 'douyin',
  name: '抖音创作者中心',
  cookies: ['sessionid', 'sessionid_ss'],
  login: {
    path: '/',
    render: (token, notice) => `${notice ? `<div class="toast">${esc(notice)}</div>` : ''}
<div class="login-card"><div class="tabs"><span data-r="tab-sms" class="tab active">验证码登录</span><span data-r="tab-qr" class="tab">扫码登录</span></div>
<div data-r="sms"><div class="title">手机号登录</div><input placeholder="请输入手机号"><input placeholder="请输入验证码"><button type="button">登录</button></div>
<div id="animate_qrcode_container" data-r="qr" hidden><img src="${qrDataUrl(token)}" width="160" height="160" aria-label="二维码"><p>打开抖音 App 扫码登录</p></div></div>
<script>R.q('tab-qr').addEventListener('click', () => { R.q('qr').hidden = false; R.q('sms').hidden = true; });</script>`,
  },
  loginRedirect: '/',
  afterLogin: '/creator-micro/home',
  apiPrefixes: ['/aweme/', '/web/api/'],
  unauthorized: { status_code: 8, status_msg: '用户未登录' },
  editorPaths: ['/creator-micro/content/upload'],
  pages: {
    '/creator-micro/home': (c) => `<div class="header-user"><span class="name">${esc(c.user.nickname)}</span></div><a href="/creator-micro/content/upload">发布作品</a>`,
    '/creator-micro/content/upload': () => `<div class="upload-page">
<div class="container-drag"><input class="upload-btn-input" type="file" accept="video/mp4,video/x-m4v,video/*" data-r="file"><span>点击上传 或直接将视频文件拖入此区域</span></div>
<div class="tab-item" data-r="image-tab">发布图文</div>
<div class="container-image" data-r="imgbox" hidden><input type="file" multiple accept="image/png,image/jpeg,image/webp" data-r="imgfile"><span>上传图文</span></div>
</div>
<script>
R.q('file').addEventListener('change', async (e) => { await R.uploadFiles(e.target.files, 'video'); location.href = '/creator-micro/content/post/video?enter_from=publish_page'; });
R.q('image-tab').addEventListener('click', () => { R.q('imgbox').hidden = false; });
R.q('imgfile').addEventListener('change', async (e) => { await R.uploadFiles(e.target.files, 'images'); location.href = '/creator-micro/content/post/image?default-tab=3&enter_from=publish_page'; });
</script>`,
    '/creator-micro/content/post/video': (c) => postPage('video', c),
    '/creator-micro/content/post/image': (c) => postPage('image_note', c),
    '/creator-micro/content/manage': (c) => `<ul class="work-list">${c.posts.map((p) => `<li data-id="${p.id}">${esc(p.title)}</li>`).join('')}</ul>`,
  },
  profile: {
    path: '/web/api/media/user/info/',
    render: (u) => ({ status_code: 0, user: { uid: u.id, sec_uid: `MS4wLjABAAAA${u.id}`, nickname: u.nickname, avatar_thumb: { url_list: [FACE_URL] } } }),
  },
  publish: { path: '/web/api/media/aweme/create/', answer: (post) => ({ status_code: 0, item_id: post.id }) },
  list: {
    path: '/aweme/v1/creator/item/list/',
    render: (posts) => ({ status_code: 0, status_msg: '', has_more: false, item_info_list: posts.map((p) => ({ item_id: p.id, title: p.title, create_time: `发布于${p.createdAt.slice(0, 10)}`, comment_count: 0 })) }),
  },
  captcha: () => `<div id="captcha_container"><div class="captcha_verify_container"><h3>请完成下列验证后继续</h3><div>拖动滑块完成拼图</div></div></div>`,
  validate(input) {
    if (input.kind === 'video' && !input.uploads.some((u) => u.kind === 'video')) return '请上传视频';
    if (input.kind === 'image_note' && !input.uploads.some((u) => u.kind === 'images')) return '请上传图片';
    if ([...(input.title ?? '')].length > 30) return '作品标题最多30个字';
    return undefined;
  },
  newId: numericId,
};

function postPage(kind: 'video' | 'image_note', c: PageContext): string {
  const titlePh = c.version === 1 ? '填写作品标题，为作品获得更多流量' : '添加作品标题';
  const media =
    kind === 'video'
      ? `<div class="progress-div" data-r="progress"><div>上传中 35%</div></div><div class="long-card-upload" data-r="done" hidden><span>${esc(c.draft.uploads.find((u) => u.kind === 'video')?.name ?? '')}</span><div class="upload-btn-re">重新上传</div></div>
<div class="cover-select"><span data-r="cover-open">选择封面</span></div>
<div class="semi-modal-content" data-r="cover-modal" hidden><div class="semi-tabs"><div data-r="cover-tab">上传封面</div></div>
<div class="semi-upload upload-cover" data-r="cover-area" hidden><input class="semi-upload-hidden-input" type="file" accept="image/png,image/jpeg" data-r="cover-file"></div>
<div class="uploadCrop-footer"><button type="button" data-r="cover-ok">完成</button></div></div>`
      : `<div class="image-list">${c.draft.uploads.map((u) => `<img alt="${esc(u.name)}">`).join('')}</div>`;
  return `<div class="post-page">
${media}
<div class="title-row"><span>作品标题</span></div><div><input class="semi-input" placeholder="${titlePh}" data-r="title"></div>
<div class="zone-container editor-kit-container" contenteditable="true" data-r="body" data-placeholder="添加作品简介"></div>
<div class="schedule"><label class="radio-d4zkru"><input type="radio" name="t" checked>立即发布</label><label class="radio-d4zkru" data-r="sched"><input type="radio" name="t">定时发布</label>
<input class="semi-input" placeholder="日期和时间" data-r="date" hidden></div>
<div class="error" data-r="error" hidden></div>
<button type="button" data-r="submit">发布</button> <button type="button">暂存离开</button></div>
<script>
const kind = ${JSON.stringify(kind)};
const done = R.q('done');
if (done) setTimeout(() => { R.q('progress').hidden = true; done.hidden = false; }, 400);
R.q('sched').addEventListener('click', () => { R.scheduled = true; R.q('date').hidden = false; });
const co = R.q('cover-open');
if (co) {
  co.addEventListener('click', () => { R.q('cover-modal').hidden = false; });
  R.q('cover-tab').addEventListener('click', () => { R.q('cover-area').hidden = false; });
  R.q('cover-file').addEventListener('change', (e) => R.uploadFiles(e.target.files, 'cover'));
  R.q('cover-ok').addEventListener('click', () => { R.q('cover-modal').hidden = true; });
}
R.q('submit').addEventListener('click', () => {
  const text = R.text(R.q('body'));
  R.publish('/web/api/media/aweme/create/', { kind, title: R.q('title').value, body: text.replace(/#[^\\s#]+/g, '').trim(), tags: R.hashtags(text), scheduleAt: R.scheduled ? R.q('date').value : undefined },
    () => { location.href = '/creator-micro/content/manage' + (kind === 'image_note' ? '?enter_from=publish' : ''); });
});
</script>`;
}
