/**
 * The behaviour shared by the replica editors, as one inline script: uploads
 * with visible progress, contenteditable editors, the topic picker, switches,
 * modals and the final publish call. Pages wire it to their own markup through
 * `data-r` attributes, which no flow uses — flows only see the real sites'
 * classes, placeholders and texts that each replica page reproduces.
 */
import { randomBytes } from 'node:crypto';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export { esc };

export const hexId = (bytes = 12) => () => randomBytes(bytes).toString('hex');
export const numericId = () => String(1_600_000_000_000 + Math.floor(Math.random() * 1e11));

/**
 * The account avatar a replica's who-am-I call answers with. Real sites answer
 * with an https CDN address (allowed by the web app's CSP); a replica has no
 * https host, so it sends the picture itself as a data: URL.
 */
export const FACE_URL = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#f66"/></svg>').toString('base64')}`;

/** The QR image every replica login shows (a real image, so it can be captured). */
export const qrImg = (token: string, attrs = '') => `<img ${attrs} src="/__replica/qrcode.svg?t=${token}" width="160" height="160" alt="qrcode">`;

/** The same image as a data: URL (sites that inline their code). */
export const qrDataUrl = (token: string) =>
  `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160"><rect width="160" height="160" fill="#fff"/><rect x="10" y="10" width="40" height="40"/><text x="20" y="90" font-size="9">${token}</text></svg>`).toString('base64')}`;


export function page(title: string, body: string, opts: { lang?: string } = {}): string {
  return `<!doctype html><html lang="${opts.lang ?? 'zh-CN'}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>[hidden]{display:none!important} body{font-family:sans-serif} .d-modal,.ant-modal,.semi-modal-content{border:1px solid #ccc;padding:8px}</style>
<script>${KIT}</script></head>
<body>${body}</body></html>`;
}

/** Client side of the kit. `R.init(config)` is called by each editor page. */
const KIT = String.raw`
const R = {
  uploads: [], topics: [], pending: 0, scheduled: false, cover: null,
  q: (s, root) => (root || document).querySelector('[data-r="' + s + '"]'),
  show: (el, on) => { if (el) el.hidden = !on; },
  async uploadFiles(files, kind, progress) {
    for (const file of files) {
      R.pending++;
      if (progress) { progress.hidden = false; progress.textContent = '上传中 0%'; }
      const fd = new FormData(); fd.append('file', file); fd.append('kind', kind);
      const r = await fetch('/__replica/upload', { method: 'POST', body: fd });
      const j = await r.json();
      for (const pct of [35, 70, 100]) { await new Promise((ok) => setTimeout(ok, 60)); if (progress) progress.textContent = '上传中 ' + pct + '%'; }
      if (!r.ok) { R.pending--; if (progress) progress.textContent = '上传失败'; throw new Error(j.error); }
      if (kind === 'cover') R.cover = j.id; else R.uploads.push({ kind, id: j.id, name: file.name });
      R.pending--;
    }
    if (progress && R.pending === 0) { progress.textContent = ''; progress.hidden = true; }
  },
  /** A contenteditable editor with a #topic picker (container shows .item entries while a #word is typed). */
  editor(el, picker) {
    if (!el) return;
    el.addEventListener('input', () => {
      const empty = el.textContent.trim() === '';
      const p = el.querySelector('p');
      if (p && el.dataset.ph) { if (empty) p.setAttribute('data-placeholder', el.dataset.ph); else p.removeAttribute('data-placeholder'); }
      if (!picker) return;
      const m = /#([^\s#]+)$/.exec(el.textContent);
      if (!m) { picker.hidden = true; return; }
      picker.innerHTML = '';
      for (const [i, name] of [m[1], m[1] + '日常', m[1] + '攻略'].entries()) {
        const item = document.createElement('div'); item.className = 'item';
        item.innerHTML = '<span class="name">#' + name + '</span><span class="num">' + (9 - i) + '.1亿浏览</span>';
        item.addEventListener('mousedown', (e) => { e.preventDefault(); R.chooseTopic(el, picker, m[1], name); });
        picker.appendChild(item);
      }
      picker.hidden = false;
    });
  },
  chooseTopic(el, picker, typed, name) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last = null; while (walker.nextNode()) if (walker.currentNode.textContent.includes('#' + typed)) last = walker.currentNode;
    if (last) {
      const at = last.textContent.lastIndexOf('#' + typed);
      const after = last.splitText(at); after.textContent = after.textContent.slice(typed.length + 1);
      const a = document.createElement('a'); a.className = 'tiptap-topic'; a.contentEditable = 'false'; a.dataset.topic = name; a.textContent = '#' + name + '[话题]#';
      after.parentNode.insertBefore(a, after);
      after.textContent = '\u00a0' + after.textContent;
      const range = document.createRange(); range.setStart(after, 1); range.collapse(true);
      const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }
    R.topics.push(name); picker.hidden = true;
  },
  /** Plain '#tag ' typed into a text (sites without a picker keep them as text). */
  hashtags(text) { return [...text.matchAll(/#([^\s#\[]+)/g)].map((m) => m[1]); },
  text(el) {
    if (!el) return '';
    if ('value' in el && typeof el.value === 'string') return el.value;
    const clone = el.cloneNode(true); clone.querySelectorAll('.tiptap-topic').forEach((a) => a.remove());
    return clone.innerText.replace(/\u00a0/g, ' ').trim();
  },
  async publish(path, body, done) {
    // The real editors hold the publish until their uploads finish.
    while (R.pending > 0) await new Promise((ok) => setTimeout(ok, 50));
    const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, uploads: R.uploads, cover: R.cover }) });
    const j = await r.json().catch(() => ({}));
    if (j.__risk) { location.href = j.__risk; return; }
    if (!r.ok) { const e = R.q('error'); if (e) { e.hidden = false; e.textContent = j.__error || '发布失败'; } return; }
    done(j);
  },
};
`;
