import type { ReactNode } from 'react';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Renders the server's highlighted snippet (HTML-escaped text with matches in
 * `<mark>`) as React nodes. Only `<mark>` is honoured; everything else stays
 * text, so a snippet can never inject markup.
 */
export function renderHighlight(html: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  let key = 0;
  for (const match of html.matchAll(re)) {
    if (match.index > last) nodes.push(unescape(html.slice(last, match.index)));
    nodes.push(
      <mark key={key++} className="cf-hl">
        {unescape(match[1] ?? '')}
      </mark>,
    );
    last = match.index + match[0].length;
  }
  if (last < html.length) nodes.push(unescape(html.slice(last)));
  return nodes;
}
