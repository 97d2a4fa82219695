import type { CheerioAPI } from 'cheerio';
import type { Footnote } from '../formatters/types.ts';
import { escapeHtml } from './code.ts';

const BULLETS = ['•', '◦', '▪'];
const BLOCK_CHILD = new Set(['ul', 'ol', 'pre', 'blockquote', 'section', 'table', 'p']);

/**
 * Lists with explicit marker spans and `list-style: none`: the WeChat editor
 * loses list-style and nesting indentation on paste, real text markers survive.
 */
export function markLists($: CheerioAPI): void {
  $('ul, ol').each((_, list) => {
    const depth = $(list).parents('ul, ol').length;
    const ordered = list.tagName === 'ol';
    const start = Number($(list).attr('start') ?? '1') || 1;
    $(list)
      .children('li')
      .each((i, li) => {
        const marker = `<span class="cf-marker">${ordered ? `${start + i}.` : (BULLETS[depth % BULLETS.length] ?? '•')}</span>`;
        const first = $(li).children().first();
        if (first.length && first[0]!.tagName === 'p') {
          first.prepend(marker);
          return;
        }
        // Tight list item: wrap the leading inline content so it is one block with its marker.
        const inline: ReturnType<CheerioAPI>[] = [];
        for (const node of $(li).contents().toArray()) {
          if (node.type === 'tag' && BLOCK_CHILD.has(node.tagName)) break;
          inline.push($(node));
        }
        const section = $('<section class="cf-li"></section>');
        section.append(marker);
        for (const node of inline) section.append(node);
        $(li).prepend(section);
      });
    $(list).removeAttr('start');
  });
}

/** A paragraph holding only an image becomes a centred figure with its alt text as caption. */
export function markFigures($: CheerioAPI): void {
  $('p').each((_, p) => {
    const children = $(p).children();
    const onlyImage = children.length === 1 && children.first().is('img') && $(p).text().trim() === '';
    if (!onlyImage) {
      $(p).find('img.cf-img').removeClass('cf-img').addClass('cf-inline-img');
      return;
    }
    const img = children.first();
    const alt = img.attr('alt') ?? '';
    const caption = alt ? `<span class="cf-caption">${escapeHtml(alt)}</span>` : '';
    $(p).replaceWith(`<section class="cf-figure">${$.html(img)}${caption}</section>`);
  });
}

/** The numbered reference list that footnote markers point to. */
export function referencesHtml(footnotes: Footnote[], heading = '参考资料'): string {
  if (footnotes.length === 0) return '';
  const items = footnotes
    .map(
      (f) =>
        `<p class="cf-ref"><span class="cf-ref-num">[${f.n}]</span>` +
        (f.text && f.text !== f.url ? `<span class="cf-ref-text">${escapeHtml(f.text)}: </span>` : '') +
        `<em class="cf-ref-url">${escapeHtml(f.url)}</em></p>`,
    )
    .join('');
  return `<section class="cf-refs"><h3 class="cf-refs-title">${heading}</h3>${items}</section>`;
}

/** Constructs the WeChat editor removes on paste; the result must contain none of them. */
export const WECHAT_STRIPPED_TAGS = ['style', 'script', 'link', 'meta', 'iframe', 'form', 'input', 'button', 'object', 'embed'];

/** Drops attributes WeChat strips (class, id, data-*), after their styles were inlined. */
export function stripForWechat($: CheerioAPI): void {
  $(WECHAT_STRIPPED_TAGS.join(',')).remove();
  $('*').each((_, el) => {
    if (el.type !== 'tag') return;
    for (const name of Object.keys(el.attribs)) {
      if (name === 'class' || name === 'id' || name.startsWith('data-') || name.startsWith('on')) $(el).removeAttr(name);
    }
  });
}
