import type { ReplicaPlatform } from './platforms.ts';

/** HTML of the replica pages. Plain server-rendered markup with a little inline script, like the creator centres. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function layout(p: ReplicaPlatform, title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} - ${esc(p.name)}</title></head>
<body data-platform="${p.id}"><header class="site-header">${esc(p.name)}</header><main>${body}</main></body></html>`;
}

export function loginPage(p: ReplicaPlatform, qrToken: string, notice: string | undefined): string {
  return layout(
    p,
    '登录',
    `${notice ? `<div class="session-expired notice">${esc(notice)}</div>` : ''}
<section id="qr-login"><h2>扫码登录</h2><img id="qr-code" alt="二维码" data-qr-token="${qrToken}" width="160" height="160"
 src="data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg' width='160' height='160'><rect width='160' height='160' fill='white'/><text x='10' y='80' font-size='10'>${qrToken}</text></svg>`)}">
<p id="qr-status">请使用手机 App 扫码</p></section>
<form id="password-login" method="post" action="/api/login"><input id="login-user" name="user" placeholder="手机号/用户名"><input id="login-pass" name="password" type="password" placeholder="密码"><button id="login-submit" type="submit">登录</button></form>
<script>
const token = ${JSON.stringify(qrToken)};
setInterval(async () => {
  const r = await fetch('/api/qr/status?token=' + token); const j = await r.json();
  document.getElementById('qr-status').textContent = j.status === 'scanned' ? '已扫码，请在手机上确认' : j.status === 'confirmed' ? '登录成功' : '请使用手机 App 扫码';
  if (j.status === 'confirmed') location.href = ${JSON.stringify(p.paths.home)};
}, 300);
</script>`,
  );
}

export function homePage(p: ReplicaPlatform, user: { nickname: string; id: string }): string {
  return layout(
    p,
    '首页',
    `<div class="creator-profile"><img class="user-avatar" src="/avatar.png?u=${esc(user.id)}" alt=""><span class="user-name">${esc(user.nickname)}</span></div>
<nav><a id="nav-publish" href="${p.paths.editor}">发布</a> <a href="${p.paths.manage}">内容管理</a></nav>`,
  );
}

export function captchaPage(p: ReplicaPlatform): string {
  return layout(p, '安全验证', `<div id="captcha-box" class="risk-verify"><h2>请完成安全验证</h2><div class="slider">拖动滑块完成拼图</div></div>`);
}

export function riskPage(p: ReplicaPlatform): string {
  return layout(p, '风险提示', `<div class="risk-notice"><h2>账号存在异常</h2><p>检测到异常操作，请稍后再试或前往 App 完成身份验证。</p></div>`);
}

export function editorPage(p: ReplicaPlatform, version: number): string {
  const s = version === 1 ? p.ids : Object.fromEntries(Object.entries(p.ids).map(([k, v]) => [k, `${v}-v2`]));
  const wrapper = version === 1 ? 'editor' : 'editor-next';
  return layout(
    p,
    '发布',
    `<div class="${wrapper}">
${p.hasTitle ? `<input id="${s.title}" placeholder="填写标题" maxlength="200">` : ''}
<textarea id="${s.body}" placeholder="添加正文"></textarea>
${p.media === 'images' || p.media === 'both' ? `<input id="${s.images}" type="file" multiple accept="image/*">` : ''}
${p.media === 'video' || p.media === 'both' ? `<input id="${s.video}" type="file" accept="video/*">` : ''}
${p.hasCover ? `<input id="${s.cover}" type="file" accept="image/*">` : ''}
<input id="${s.tags}" placeholder="#话题">
<ul id="${s.uploaded}"></ul>
<div class="publish-error" hidden></div>
<button id="${s.submit}" type="button">发布</button>
</div>
<script>
const ids = ${JSON.stringify(s)};
const uploads = [];
let pending = 0;
async function upload(input, kind) {
  for (const file of input.files) {
    pending++;
    const fd = new FormData(); fd.append('file', file);
    const r = await fetch('/api/upload', { method: 'POST', body: fd });
    const j = await r.json();
    uploads.push({ kind, id: j.id });
    const li = document.createElement('li'); li.dataset.kind = kind; li.textContent = file.name;
    document.getElementById(ids.uploaded).appendChild(li);
    pending--;
  }
}
for (const kind of ['images', 'video', 'cover']) {
  const el = document.getElementById(ids[kind]);
  if (el) el.addEventListener('change', () => upload(el, kind));
}
document.getElementById(ids.submit).addEventListener('click', async () => {
  if (pending > 0) return;
  const val = (k) => document.getElementById(ids[k])?.value ?? '';
  const body = { title: val('title'), body: val('body'), tags: val('tags'), uploads };
  const r = await fetch('/api/publish', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const j = await r.json();
  if (j.risk) { location.href = '/risk'; return; }
  if (!r.ok) { const e = document.querySelector('.publish-error'); e.hidden = false; e.textContent = j.error; return; }
  location.href = ${JSON.stringify(p.paths.success)} + '?id=' + encodeURIComponent(j.postId);
});
</script>`,
  );
}

export function successPage(p: ReplicaPlatform, postId: string): string {
  return layout(
    p,
    '发布成功',
    `<div class="publish-success" data-post-id="${esc(postId)}"><h2>发布成功</h2><a class="post-link" href="${p.paths.post}/${esc(postId)}">查看作品</a></div>`,
  );
}

export function managePage(p: ReplicaPlatform, posts: Array<{ id: string; title: string; createdAt: string }>): string {
  const rows = posts.map((x) => `<li class="post-item" data-post-id="${esc(x.id)}"><a href="${p.paths.post}/${esc(x.id)}">${esc(x.title)}</a> <time>${x.createdAt}</time></li>`);
  return layout(p, '内容管理', `<ul class="post-list">${rows.join('')}</ul>`);
}

export function postPage(p: ReplicaPlatform, post: { id: string; title: string; body: string; views: number }): string {
  return layout(p, post.title || '作品', `<article data-post-id="${esc(post.id)}"><h1>${esc(post.title)}</h1><p>${esc(post.body)}</p><span class="views">${post.views}</span></article>`);
}
