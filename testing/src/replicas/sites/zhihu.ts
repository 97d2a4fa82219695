import { esc, qrDataUrl, FACE_URL } from '../kit.ts';
import { type SiteDef } from '../sites.ts';

/**
 * 知乎专栏 (zhuanlan.zhihu.com/write) and its sign-in, after
 * shared/reference/platform-facts.md §9 (quanran001/thor-v2 and wechatsync/Wechatsync,
 * checked 2026-12-02): the 标题 textarea and the Draft.js
 * .public-DraftEditor-content body; 发布 opens the publish panel with its topic
 * search; the article then lives at /p/<id>. The cover is a file input inside the
 * label 添加文章封面 (a public Playwright recording of the write page, and the
 * zhihu upload labels 添加文章封面/添加封面 in other public uploaders).
 * Layout 2: the body is a Lexical editor (div[data-lexical-editor=true]), the
 * other selector set seen in public code.
 */
export const zhihu: SiteDef = {
  id: 'zhihu',
  name: '知乎',
  cookies: ['z_c0'],
  login: {
    path: '/signin',
    render: (token, notice) => `${notice ? `<div class="Notification">${esc(notice)}</div>` : ''}<div class="SignFlow"><div class="SignFlow-tabs"><div class="SignFlow-tab">验证码登录</div><div class="SignFlow-tab" data-r="tab">扫码登录</div></div>
<div data-r="qr" hidden><img src="${qrDataUrl(token)}" width="160" height="160" alt="二维码"><p>打开知乎 App 扫一扫</p></div></div>
<script>R.q('tab').addEventListener('click', () => { R.q('qr').hidden = false; });</script>`,
  },
  loginRedirect: '/signin?next=%2Fwrite',
  afterLogin: '/write',
  apiPrefixes: ['/api/'],
  unauthorized: { error: { code: 100, message: '请求参数异常，请升级客户端后重试', name: 'ERR_UNAUTHORIZED' } },
  editorPaths: ['/write'],
  pages: {
    '/write': (c) => `<div class="WriteIndex">
<label class="UploadPicture-wrapper WriteCover-uploadButton">添加文章封面<input type="file" accept="image/jpeg,image/png" class="UploadPicture-input" data-r="cover" hidden></label>
<div class="WriteCover-preview" data-r="cover-done" hidden><img alt="封面"></div>
<textarea class="Input" placeholder="请输入标题（最多 100 个字）" rows="1" data-r="title"></textarea>
${c.version === 1 ? '<div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" data-r="body"></div></div>' : '<div class="Editable" data-lexical-editor="true" contenteditable="true" data-r="body"></div>'}
<button class="Button PublishPanel-triggerButton" type="button" data-r="open">发布</button>
<div class="PublishPanel" data-r="panel" hidden><div class="PublishPanel-topic"><input placeholder="搜索话题" data-r="topic"></div>
<div class="PublishPanel-topicList" data-r="list"></div><div class="PublishPanel-chosen" data-r="chosen"></div>
<div class="PublishPanel-error" data-r="error" hidden></div><button class="Button Button--primary" type="button" data-r="submit">发布</button></div></div>
<script>
const topics = [];
R.q('cover').addEventListener('change', async (e) => { await R.uploadFiles(e.target.files, 'cover'); R.q('cover-done').hidden = false; });
R.q('open').addEventListener('click', () => { R.q('panel').hidden = false; });
R.q('topic').addEventListener('input', (e) => {
  const v = e.target.value.trim(); const list = R.q('list'); list.innerHTML = '';
  if (!v) return;
  for (const name of [v, v + '话题']) { const t = document.createElement('div'); t.className = 'Topic'; t.textContent = name; t.addEventListener('click', () => { topics.push(name); R.q('chosen').insertAdjacentHTML('beforeend', '<span>' + name + '</span>'); e.target.value = ''; list.innerHTML = ''; }); list.appendChild(t); }
});
R.q('submit').addEventListener('click', () => R.publish('/api/articles', { kind: 'article', title: R.q('title').value, body: R.text(R.q('body')), tags: topics }, (j) => { location.href = '/p/' + j.id; }));
</script>`,
  },
  dynamic: (path) => (/^\/p\/\d+$/.test(path) ? (c) => { const p = c.posts.find((x) => `/p/${x.id}` === path); return p ? `<article class="Post-Main"><h1 class="Post-Title">${esc(p.title)}</h1><div class="RichText">${esc(p.body)}</div></article>` : '<p>你似乎来到了没有知识存在的荒原</p>'; } : undefined),
  publish: { path: '/api/articles', answer: (post) => ({ id: post.id, url: `https://zhuanlan.zhihu.com/p/${post.id}` }) },
  profile: { path: '/api/v4/me', render: (u) => ({ id: u.id, name: u.nickname, url_token: u.id, avatar_url: FACE_URL }) },
  captcha: () => `<div class="Captcha"><h3>请完成安全验证</h3><p>为了你的帐号安全，请完成验证</p></div>`,
  validate(input) {
    if (!input.title?.trim()) return '请填写标题';
    if ([...input.title].length > 100) return '标题最多 100 个字';
    if (!input.body?.trim()) return '请填写正文';
    return undefined;
  },
  newId: () => String(600_000_000 + Math.floor(Math.random() * 1e8)),
};
