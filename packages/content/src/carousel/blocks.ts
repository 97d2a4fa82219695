import type { Token } from 'markdown-it';
import { createMarkdown } from '../markdown/document.ts';

/** What a text card shows, in reading order. Inline marks are dropped: cards are typeset text, not Markdown. */
export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'item'; text: string; marker: string; depth: number }
  | { type: 'quote'; text: string }
  | { type: 'code'; text: string }
  | { type: 'image'; src: string; alt: string }
  | { type: 'rule' };

function inline(children: Token[] | null, images: Array<{ src: string; alt: string }>): string {
  let out = '';
  for (const t of children ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak') out += '';
    else if (t.type === 'hardbreak') out += '\n';
    else if (t.type === 'image') images.push({ src: String(t.attrGet('src') ?? ''), alt: t.content });
  }
  return out.trim();
}

/** The Markdown body as card blocks; images become their own blocks (their own carousel pages). */
export function markdownBlocks(markdown: string): Block[] {
  const tokens = createMarkdown().parse(markdown, {});
  const blocks: Block[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let quote = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const text = inline(tokens[i + 1]!.children, []);
        if (text) blocks.push({ type: 'heading', level: Number(t.tag.slice(1)), text });
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'blockquote_open':
        quote += 1;
        break;
      case 'blockquote_close':
        quote -= 1;
        break;
      case 'inline': {
        const images: Array<{ src: string; alt: string }> = [];
        const text = inline(t.children, images);
        const list = lists.at(-1);
        if (text) {
          if (list) {
            const marker = list.ordered ? `${list.n}.` : '•';
            blocks.push({ type: 'item', text, marker, depth: lists.length - 1 });
          } else if (quote > 0) blocks.push({ type: 'quote', text });
          else blocks.push({ type: 'paragraph', text });
        }
        for (const image of images) if (image.src) blocks.push({ type: 'image', ...image });
        break;
      }
      case 'list_item_close': {
        const list = lists.at(-1);
        if (list) list.n += 1;
        break;
      }
      case 'fence':
      case 'code_block':
        if (t.content.trim()) blocks.push({ type: 'code', text: t.content.replace(/\n$/, '') });
        break;
      case 'hr':
        blocks.push({ type: 'rule' });
        break;
      default:
        break;
    }
  }
  return blocks;
}
