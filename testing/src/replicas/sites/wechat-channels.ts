import { esc, hexId, qrImg } from '../kit.ts';
import { type SiteDef } from '../sites.ts';

/**
 * 视频号助手 (channels.weixin.qq.com), after dreammis/social-auto-upload
 * uploader/tencent_uploader/main.py @0cdd088d and shared/reference/platform-facts.md
 * §4 (checked 2026-12-02): /login.html with the QR code inside an iframe
 * (src …login-for-iframe…, img.qrcode); /platform with the 发表视频
 * weui-desktop-btn leading to /platform/post/create; input[type=file] for the
 * video; the div.input-editor description; the 短标题 input; the 发表 button in
 * div.form-btns disabled (weui-desktop-btn_disabled) until the upload ends;
 * div.vertical-cover-wrap → .single-cover-uploader-wrap input → 确认; labels
 * 不定时 / 定时 and the weui date picker (month label, next-month button, day
 * table, 请选择时间); and /platform/post/list after 发表.
 * Layout 2: the description editor is renamed div.post-desc-editor.
 */
export const wechatChannels: SiteDef = {
  id: 'wechat_channels',
  name: '视频号助手',
  cookies: ['sessionid', 'wxuin'],
  login: {
    path: '/login.html',
    render: (token, notice) => `${notice ? `<div class="weui-desktop-tips">${esc(notice)}</div>` : ''}<div class="login-wrap"><iframe src="/login-for-iframe?t=${token}" width="300" height="300"></iframe></div>`,
    frame: (token) => `<div id="app"><div class="login-qrcode-wrap">${qrImg(token, 'class="qrcode"')}<p>使用微信扫一扫登录</p></div></div>`,
  },
  loginRedirect: '/login.html',
  afterLogin: '/platform',
  apiPrefixes: ['/cgi-bin/'],
  unauthorized: { errCode: 300330, errMsg: 'login expired' },
  editorPaths: ['/platform', '/platform/post/create'],
  pages: {
    '/platform': (c) => `<div class="finder-nickname">${esc(c.user.nickname)}</div><button class="weui-desktop-btn weui-desktop-btn_primary" type="button" onclick="location.href='/platform/post/create'">发表视频</button>`,
    '/platform/post/create': (c) => `<div class="post-create">
<div class="upload"><input type="file" accept="video/mp4,video/x-m4v,video/*" data-r="file"></div>
<div class="media-status-content"><span data-r="progress" hidden></span></div>
<div class="${c.version === 1 ? 'input-editor' : 'post-desc-editor'}" contenteditable="true" data-r="body"></div>
<div class="short-title"><span>短标题</span><div><span><input type="text" placeholder="填写短标题有机会获得更多流量" data-r="short"></span></div></div>
<div class="vertical-cover-wrap" data-r="cover-open">竖版封面 3:4</div>
<div class="cover-dialog" data-r="cover-modal" hidden><div class="single-cover-uploader-wrap"><input type="file" accept="image/*" data-r="cover-file"></div><button class="weui-desktop-btn" type="button" data-r="cover-ok">确认</button></div>
<div class="post-time"><label><input type="radio" name="t" checked>不定时</label><label data-r="sched"><input type="radio" name="t">定时</label>
<div data-r="when" hidden><input placeholder="请选择发表时间" readonly data-r="date">
<div class="weui-desktop-picker__panel" data-r="panel" hidden><span class="weui-desktop-picker__panel__label" data-r="month"></span><button class="weui-desktop-btn__icon__right" type="button" data-r="next">›</button><table class="weui-desktop-picker__table"><tbody data-r="days"></tbody></table></div>
<input placeholder="请选择时间" data-r="time"></div></div>
<div class="status-msg" data-r="error" hidden></div>
<div class="form-btns"><button class="weui-desktop-btn weui-desktop-btn_primary weui-desktop-btn_disabled" type="button" data-r="submit">发表</button><button class="weui-desktop-btn" type="button">保存草稿</button></div>
</div>
<script>
const file = R.q('file');
file.addEventListener('change', async () => {
  R.q('progress').hidden = false; await R.uploadFiles(file.files, 'video', R.q('progress'));
  R.q('submit').classList.remove('weui-desktop-btn_disabled');
});
R.q('cover-open').addEventListener('click', () => { R.q('cover-modal').hidden = false; });
R.q('cover-file').addEventListener('change', (e) => R.uploadFiles(e.target.files, 'cover'));
R.q('cover-ok').addEventListener('click', () => { R.q('cover-modal').hidden = true; });
const cn = () => { const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((x) => [x.type, x.value])); return { y: +p.year, m: +p.month, d: +p.day }; };
let shown = cn(), picked = null;
function drawDays() {
  R.q('month').textContent = String(shown.m).padStart(2, '0') + '月';
  const today = cn(); const n = new Date(shown.y, shown.m, 0).getDate(); let html = '<tr>';
  for (let d = 1; d <= n; d++) {
    const past = shown.y * 10000 + shown.m * 100 + d < today.y * 10000 + today.m * 100 + today.d;
    html += '<td><a class="' + (past ? 'weui-desktop-picker__disabled' : '') + '" data-d="' + d + '">' + d + '</a></td>';
  }
  R.q('days').innerHTML = html + '</tr>';
}
R.q('sched').addEventListener('click', () => { R.scheduled = true; R.q('when').hidden = false; });
R.q('date').addEventListener('click', () => { drawDays(); R.q('panel').hidden = false; });
R.q('next').addEventListener('click', () => { shown = shown.m === 12 ? { y: shown.y + 1, m: 1 } : { y: shown.y, m: shown.m + 1 }; drawDays(); });
R.q('days').addEventListener('click', (e) => { const a = e.target.closest('a'); if (!a || a.className.includes('disabled')) return; picked = { ...shown, d: +a.dataset.d }; R.q('date').value = picked.y + '-' + String(picked.m).padStart(2, '0') + '-' + String(picked.d).padStart(2, '0'); R.q('panel').hidden = true; });
R.q('submit').addEventListener('click', () => {
  if (R.q('submit').classList.contains('weui-desktop-btn_disabled')) return;
  const text = R.text(R.q('body'));
  const at = R.scheduled && picked ? R.q('date').value + ' ' + String(R.q('time').value).padStart(2, '0') + ':00' : undefined;
  R.publish('/cgi-bin/mmfinderassistant-bin/post/post_create', { kind: 'video', title: R.q('short').value, body: text.replace(/#[^\\s#]+/g, '').trim(), tags: R.hashtags(text), scheduleAt: at },
    () => { location.href = '/platform/post/list'; });
});
</script>`,
    '/platform/post/list': (c) => `<ul class="post-list">${c.posts.map((p) => `<li data-id="${p.id}">${esc(p.title)}</li>`).join('')}</ul>`,
  },
  publish: { path: '/cgi-bin/mmfinderassistant-bin/post/post_create', answer: (post) => ({ errCode: 0, data: { objectId: post.id } }) },
  captcha: () => `<div class="weui-desktop-dialog"><h3>请完成安全验证</h3><p>拖动滑块完成拼图</p></div>`,
  validate(input) {
    if (!input.uploads.some((u) => u.kind === 'video')) return '请上传视频';
    const short = [...(input.title ?? '')].length;
    if (short > 16) return '短标题最多16个字';
    return undefined;
  },
  newId: hexId(16),
};
