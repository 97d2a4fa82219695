import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { CreatorFlowError } from '@creatorflow/core';

const DIR = fileURLToPath(new URL('./themes/', import.meta.url));

export interface ThemeInfo {
  id: string;
  /** First comment line of the theme file, e.g. `清爽 Clear: …`. */
  description: string;
}

/** Shipped WeChat themes (every `themes/*.css` except the shared base). */
export function listThemes(): ThemeInfo[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.css') && f !== 'base.css')
    .sort()
    .map((f) => {
      const text = readFileSync(join(DIR, f), 'utf8');
      return { id: f.slice(0, -4), description: /\/\*\s*(.*?)\s*\*\//.exec(text)?.[1] ?? '' };
    });
}

/** Base layout CSS followed by the theme's variables and overrides. */
export function themeCss(theme: string): string {
  const known = listThemes().map((t) => t.id);
  if (!known.includes(theme)) {
    throw new CreatorFlowError('CONTENT_UNKNOWN_THEME', `Unknown theme '${theme}'. Use one of: ${known.join(', ')}, or pass custom CSS`, {
      status: 400,
      details: { theme, known },
    });
  }
  return `${readFileSync(join(DIR, 'base.css'), 'utf8')}\n${readFileSync(join(DIR, `${theme}.css`), 'utf8')}`;
}
