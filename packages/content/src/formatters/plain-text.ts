import type { Token } from 'markdown-it';
import type { PlatformProfile } from '../profiles/index.ts';
import { createMarkdown, hostMatches, hostOf } from '../markdown/document.ts';
import { classifyImage, joinsCjk } from './html-render.ts';
import type { ImageRef } from './types.ts';

const SENTENCE_END = /(?<=[。！？!?；;…])/u;

/** Splits a paragraph longer than `max` at sentence ends, so note apps show short, airy blocks. */
export function splitLongParagraph(text: string, max: number): string[] {
  if ([...text].length <= max) return [text];
  const out: string[] = [];
  let current = '';
  for (const sentence of text.split(SENTENCE_END)) {
    if (current && [...current].length + [...sentence].length > max) {
      out.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function inlineText(children: Token[], profile: PlatformProfile, images: ImageRef[]): string {
  // In a text-only editor (小红书, 微博, video descriptions) a line break the creator typed is a line break;
  // only Markdown platforms reflow a paragraph's lines.
  const keepLines = profile.output !== 'markdown';
  let out = '';
  let href: string | undefined;
  let linkStart = 0;
  for (let i = 0; i < children.length; i += 1) {
    const t = children[i]!;
    switch (t.type) {
      case 'text':
      case 'code_inline':
        out += t.content;
        break;
      case 'softbreak':
        out += keepLines ? '\n' : joinsCjk(children[i - 1]?.content, children[i + 1]?.content) ? '' : ' ';
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'image': {
        const src = String(t.attrGet('src') ?? '');
        images.push({ src, alt: t.content, ...classifyImage(src, profile.images?.nativeHosts ?? []) });
        break;
      }
      case 'link_open':
        href = String(t.attrGet('href') ?? '');
        linkStart = out.length;
        break;
      case 'link_close': {
        const text = out.slice(linkStart);
        const host = hostOf(href ?? '');
        const allowed = hostMatches(host, profile.links.allowedHosts);
        const mode = allowed ? 'keep' : profile.links.external;
        const isBare = text === href || `http://${text}` === href || `https://${text}` === href;
        if (mode === 'drop' && isBare) out = out.slice(0, linkStart);
        else if ((mode === 'keep' || mode === 'text' || mode === 'footnotes') && !isBare && href) out += ` ${href} `;
        href = undefined;
        break;
      }
      default:
        break;
    }
  }
  return out
    .replace(/ {2,}/g, ' ')
    .replace(/ ([，。！？、；：）」』,.!?;:)])/g, '$1')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

export interface PlainText {
  text: string;
  images: ImageRef[];
}

/**
 * Markdown → plain text for text-only editors (Weibo, Xiaohongshu, video
 * descriptions): headings styled per profile, bullets as text, long
 * paragraphs split, images collected instead of inlined.
 */
export function toPlainText(markdown: string, profile: PlatformProfile): PlainText {
  const tokens = createMarkdown().parse(markdown, {});
  const style = profile.paragraphs ?? { maxChars: 10_000, blankLine: true, heading: 'plain' as const, emojis: [], bullet: '•' };
  const images: ImageRef[] = [];
  const blocks: string[] = [];
  const listStack: Array<{ ordered: boolean; n: number }> = [];
  let headingCount = 0;
  let pending: 'heading' | 'item' | 'quote' | 'cell' | undefined;
  let quoteDepth = 0;
  let row: string[] = [];

  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
        pending = 'heading';
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listStack.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) || 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listStack.pop();
        break;
      case 'list_item_open':
        pending = 'item';
        break;
      case 'blockquote_open':
        quoteDepth += 1;
        break;
      case 'blockquote_close':
        quoteDepth -= 1;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        blocks.push(row.join(' | '));
        break;
      case 'th_open':
      case 'td_open':
        pending = 'cell';
        break;
      case 'fence':
      case 'code_block':
        blocks.push(t.content.replace(/\n$/, ''));
        break;
      case 'inline': {
        const text = inlineText(t.children ?? [], profile, images);
        if (pending === 'cell') {
          row.push(text);
          pending = undefined;
          break;
        }
        if (!text) break;
        if (pending === 'heading') {
          const emoji = style.emojis[headingCount % Math.max(style.emojis.length, 1)];
          headingCount += 1;
          blocks.push(style.heading === 'brackets' ? `【${text}】` : style.heading === 'emoji' && emoji ? `${emoji} ${text}` : text);
        } else if (pending === 'item') {
          const list = listStack[listStack.length - 1];
          const indent = '  '.repeat(Math.max(listStack.length - 1, 0));
          const marker = list?.ordered ? `${list.n++}.` : style.bullet;
          blocks.push(`${indent}${marker} ${text}`);
        } else {
          const parts = splitLongParagraph(text, style.maxChars);
          blocks.push(...(quoteDepth > 0 ? parts.map((p) => `「${p}」`) : parts));
        }
        pending = undefined;
        break;
      }
      default:
        break;
    }
  }
  // List items stay together; other blocks get the platform's spacing.
  let text = '';
  blocks.forEach((block, i) => {
    if (i > 0) {
      const bothItems = /^\s*(\S+)\s/.test(block) && isItem(block, style.bullet) && isItem(blocks[i - 1]!, style.bullet);
      text += bothItems || !style.blankLine ? '\n' : '\n\n';
    }
    text += block;
  });
  return { text, images };
}

function isItem(block: string, bullet: string): boolean {
  const trimmed = block.trimStart();
  return trimmed.startsWith(`${bullet} `) || /^\d+\. /.test(trimmed) || block.includes(' | ');
}
