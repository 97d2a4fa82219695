import { esc, numericId, qrImg } from '../kit.ts';
import { type SiteDef } from '../sites.ts';

/**
 * 快手创作者服务平台 (cp.kuaishou.com) and its passport login, after
 * dreammis/social-auto-upload uploader/ks_uploader/main.py @0d3f93e8 (checked
 * 2026-12-02): main#login-form with div.platform-switch and the div.qr-login
 * img[alt=qrcode]; /article/publish/video whose button[class^=_upload-btn]
 * opens a file chooser (tab 图文 → 上传图片); the 我知道了 notice and the
 * react-joyride guide; the description after the 描述 label; 上传中 while
 * uploading; 封面设置 → div[role=document].ant-modal → 上传封面 → 确认; the
 * 定时发布 ant radio and the 选择日期时间 input; 发布 then 确认发布; and
 * /article/manage/video?status=2&from=publish.
 * Layout 2: the 描述 label becomes 作品描述.
 */
export const kuaishou: SiteDef = {
  id: 'kuaishou',
  name: '快手创作者服务平台',
  cookies: ['kuaishou.web.cp.api_st', 'kuaishou.web.cp.api_ph'],
  login: {
    path: '/pc/account/login/',
    render: (token, notice) => `${notice ? `<div class="toast">${esc(notice)}</div>` : ''}
<main id="login-form"><div class="platform-switch" data-r="switch">扫码登录</div>
<div class="pwd-login" data-r="pwd"><input placeholder="请输入手机号"><input placeholder="请输入密码"><button type="button">登录</button></div>
<div class="qr-login" data-r="qr" hidden>${qrImg(token)}<div class="qrcode-status" hidden></div><p>打开快手 App 扫码登录</p></div></main>
<script>R.q('switch').addEventListener('click', () => { R.q('qr').hidden = !R.q('qr').hidden; R.q('pwd').hidden = !R.q('qr').hidden; });</script>`,
  },
  loginRedirect: '/pc/account/login/?sid=kuaishou.web.cp.api&callback=%2Farticle%2Fpublish%2Fvideo',
  afterLogin: '/article/publish/video',
  apiPrefixes: ['/rest/'],
  unauthorized: { result: 109, error_msg: '未登录' },
  editorPaths: ['/article/publish/video'],
  pages: {
    '/article/publish/video': (c) => `<div class="publish-page">
<div role="tablist"><div role="tab" aria-selected="true" data-r="tab-video">上传视频</div><div role="tab" data-r="tab-image">上传图文</div></div>
<div data-r="video-pane"><button class="_upload-btn_1x2y3" type="button" data-r="pick">上传视频</button><input type="file" accept="video/*" data-r="file" hidden></div>
<div data-r="image-pane" hidden><button class="_upload-btn_1x2y3" type="button" data-r="pick-img">上传图片</button><input type="file" multiple accept="image/*" data-r="imgfile" hidden></div>
<div class="ant-modal-notice" data-r="notice" hidden><p>作品发布须知</p><button type="button" data-r="know"><span>我知道了</span></button></div>
<div id="react-joyride-step-0" data-r="guide" hidden><div role="alertdialog"><p>新功能引导</p><button aria-label="Skip" data-action="skip" type="button" data-r="skip">跳过</button></div></div>
<div class="publish-form" data-r="form" hidden>
  <div class="upload-status"><span data-r="progress">上传中</span></div>
  <div class="field"><span class="label">${c.version === 1 ? '描述' : '作品描述'}</span><div class="_description_9k1" contenteditable="true" data-r="body"></div></div>
  <div class="cover"><span>封面设置</span></div><div class="cover-row"><div data-r="cover-open">编辑封面</div></div>
  <div role="document" class="ant-modal" data-r="cover-modal" hidden><div class="ant-tabs"><div>截取封面</div><div data-r="cover-tab">上传封面</div></div><input type="file" accept="image/*" data-r="cover-file"><button type="button" data-r="cover-ok">确认</button></div>
  <div class="schedule"><label class="ant-radio-wrapper"><span>立即发布</span></label><label class="ant-radio-wrapper" data-r="sched"><span>定时发布</span></label><input placeholder="选择日期时间" data-r="date" hidden></div>
  <div class="error" data-r="error" hidden></div>
  <div class="_button_primary" data-r="submit">发布</div><div class="_button">取消</div>
  <div class="ant-modal-confirm" data-r="confirm" hidden><p>确定发布该作品吗？</p><button type="button" data-r="confirm-ok">确认发布</button></div>
</div></div>
<script>
let kind = 'video';
const after = async (files, k) => {
  R.q('form').hidden = false; R.q('notice').hidden = false; R.q('guide').hidden = false;
  await R.uploadFiles(files, k);
  R.q('progress').textContent = '上传完成';
};
R.q('pick').addEventListener('click', () => R.q('file').click());
R.q('file').addEventListener('change', (e) => after(e.target.files, 'video'));
R.q('tab-image').addEventListener('click', () => { kind = 'image_note'; R.q('video-pane').hidden = true; R.q('image-pane').hidden = false; });
R.q('pick-img').addEventListener('click', () => R.q('imgfile').click());
R.q('imgfile').addEventListener('change', (e) => after(e.target.files, 'images'));
R.q('know').addEventListener('click', () => { R.q('notice').hidden = true; });
R.q('skip').addEventListener('click', () => { R.q('guide').hidden = true; });
R.q('cover-open').addEventListener('click', () => { R.q('cover-modal').hidden = false; });
R.q('cover-file').addEventListener('change', (e) => R.uploadFiles(e.target.files, 'cover'));
R.q('cover-ok').addEventListener('click', () => { R.q('cover-modal').hidden = true; });
R.q('sched').addEventListener('click', () => { R.scheduled = true; R.q('date').hidden = false; });
R.q('submit').addEventListener('click', async () => { while (R.pending > 0) await new Promise((ok) => setTimeout(ok, 50)); R.q('confirm').hidden = false; });
R.q('confirm-ok').addEventListener('click', () => {
  const text = R.text(R.q('body'));
  R.publish('/rest/cp/works/v2/video/pc/submit', { kind, title: '', body: text.replace(/#[^\\s#]+/g, '').trim(), tags: R.hashtags(text), scheduleAt: R.scheduled ? R.q('date').value : undefined },
    () => { location.href = '/article/manage/video?status=2&from=publish'; });
});
</script>`,
    '/article/manage/video': (c) => `<ul>${c.posts.map((p) => `<li data-id="${p.id}">${esc(p.body.slice(0, 20))}</li>`).join('')}</ul>`,
  },
  publish: { path: '/rest/cp/works/v2/video/pc/submit', answer: (post) => ({ result: 1, data: { photoId: post.id } }) },
  captcha: () => `<div class="risk-verify"><h3>请完成安全验证</h3><p>拖动滑块完成拼图</p></div>`,
  validate(input) {
    if (!input.uploads.some((u) => u.kind === 'video' || u.kind === 'images')) return '请上传作品';
    if (!input.body?.trim()) return '作品描述不能为空';
    return undefined;
  },
  newId: numericId,
};
