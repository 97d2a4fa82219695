import { esc, FACE_URL } from '../kit.ts';
import { type SiteDef } from '../sites.ts';
import { randomBytes } from 'node:crypto';

/**
 * 哔哩哔哩创作中心 (member.bilibili.com) and its passport login, after
 * fishimei/Fuploader internal/platform/bilibili/uploader.go @334e74fb, the
 * .login-scan-box of the Bilibili login code in several crawlers and
 * SocialSisterYi/bilibili-API-collect (checked 2026-12-02):
 * /platform/upload/video/frame with the mp4 input in div.bcc-upload-wrapper,
 * 上传完成, 请输入稿件标题, the tag input 按回车键Enter创建标签, the Quill
 * description (相关信息), div.cover-main → image input → div.button.submit 完成,
 * span.submit-add 立即投稿 and the 投稿成功 / 稿件已提交 notice; the account's
 * archives at /x/web/archives (data.arc_audits[].Archive).
 * Layout 2: the submit control becomes button.submit-btn (立即投稿).
 */
export const bilibili: SiteDef = {
  id: 'bilibili',
  name: '哔哩哔哩创作中心',
  cookies: ['SESSDATA', 'bili_jct', 'DedeUserID'],
  login: {
    path: '/login',
    render: (token, notice) => `${notice ? `<div class="tips">${esc(notice)}</div>` : ''}<div class="login-box"><div class="login-scan-box"><div class="login-scan-title">扫描二维码登录</div><img src="/__replica/qrcode.svg?t=${token}" width="160" height="160" alt=""></div>
<div class="login-pwd"><input placeholder="请输入账号"><input placeholder="请输入密码"></div></div>`,
  },
  loginRedirect: '/login?gourl=https%3A%2F%2Fmember.bilibili.com%2Fplatform%2Fupload%2Fvideo%2Fframe',
  afterLogin: '/platform/home',
  apiPrefixes: ['/x/'],
  unauthorized: { code: -101, message: '账号未登录', ttl: 1 },
  editorPaths: ['/platform/upload/video/frame'],
  pages: {
    '/platform/home': (c) => `<div class="user-name">${esc(c.user.nickname)}</div><a href="/platform/upload/video/frame">投稿</a>`,
    '/platform/upload/video/frame': (c) => `<div class="upload-frame">
<div class="bcc-upload-wrapper"><input type="file" accept=".mp4,.flv,.mov,video/mp4" data-r="file"><span>拖拽到此处也可上传</span></div>
<div class="file-status"><span class="bcc-upload-progress" data-r="progress" hidden></span><span class="success" data-r="done" hidden>上传完成</span></div>
<div class="form" data-r="form" hidden>
<div class="video-title-container"><input type="text" placeholder="请输入稿件标题" maxlength="80" data-r="title"></div>
<div class="tag-wrp"><div class="label-item-v2-container" data-r="tag-list"></div><div class="tag-input-wrp"><input type="text" placeholder="按回车键Enter创建标签" data-r="tag"></div></div>
<div class="desc-text-wrp archive-info-editor"><div class="ql-editor" contenteditable="true" data-placeholder="填写更全面的相关信息，让更多的人能找到你的视频吧" data-r="desc"></div></div>
<div class="cover-main" data-r="cover-open"><span class="edit-text">封面设置</span></div>
<div class="cover-editor" data-r="cover-modal" hidden><input type="file" accept="image/png, image/jpeg" data-r="cover-file"><div class="cover-editor-button"><div class="button submit" data-r="cover-ok">完成</div></div></div>
<div class="error-tip" data-r="error" hidden></div>
<div class="submit-container">${c.version === 1 ? '<span class="submit-add" data-reporter-id="89" data-r="submit">立即投稿</span>' : '<button class="submit-btn" type="button" data-r="submit">立即投稿</button>'}</div>
</div>
<div class="step-des" data-r="ok" hidden>稿件已提交，投稿成功</div>
</div>
<script>
const tags = [];
R.q('file').addEventListener('change', async (e) => { await R.uploadFiles(e.target.files, 'video', R.q('progress')); R.q('done').hidden = false; R.q('form').hidden = false; });
R.q('tag').addEventListener('keydown', (e) => { if (e.key !== 'Enter' || !e.target.value.trim()) return; tags.push(e.target.value.trim()); R.q('tag-list').insertAdjacentHTML('beforeend', '<span class="label-item-v2">' + e.target.value.trim() + '</span>'); e.target.value = ''; });
R.q('cover-open').addEventListener('click', () => { R.q('cover-modal').hidden = false; });
R.q('cover-file').addEventListener('change', (e) => R.uploadFiles(e.target.files, 'cover'));
R.q('cover-ok').addEventListener('click', () => { R.q('cover-modal').hidden = true; });
R.q('submit').addEventListener('click', () => R.publish('/x/vu/web/add/v3', { kind: 'video', title: R.q('title').value, body: R.text(R.q('desc')), tags }, () => { R.q('form').hidden = true; R.q('ok').hidden = false; }));
</script>`,
    '/platform/upload-manager/article': (c) => `<ul>${c.posts.map((p) => `<li data-bvid="${p.id}">${esc(p.title)}</li>`).join('')}</ul>`,
  },
  publish: { path: '/x/vu/web/add/v3', answer: (post) => ({ code: 0, message: '0', ttl: 1, data: { aid: 100000 + Math.floor(Math.random() * 1e6), bvid: post.id } }) },
  list: {
    path: '/x/web/archives',
    render: (posts) => ({ code: 0, message: '0', data: { arc_audits: posts.map((p) => ({ Archive: { bvid: p.id, title: p.title, ctime: Math.floor(Date.parse(p.createdAt) / 1000), state: 0 } })), page: { pn: 1, ps: 10, count: posts.length } } }),
  },
  profile: { path: '/x/web-interface/nav', render: (u) => ({ code: 0, message: '0', data: { isLogin: true, uname: u.nickname, face: FACE_URL, mid: 1 } }) },
  captcha: () => `<div id="risk-captcha-app"><div class="geetest_panel"><h3>请完成安全验证</h3></div></div>`,
  validate(input) {
    if (!input.uploads.some((u) => u.kind === 'video')) return '请上传视频';
    if (!input.title?.trim()) return '请完善稿件标题';
    if ([...input.title].length > 80) return '标题最多80个字';
    return undefined;
  },
  newId: () => `BV1${randomBytes(5).toString('hex').slice(0, 9)}`,
};
