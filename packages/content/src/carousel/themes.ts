import { CreatorFlowError } from '@creatorflow/core';

/** A look for text cards: colours only, so every theme keeps the same readable type sizes. */
export interface CardTheme {
  id: string;
  name: { zh: string; en: string };
  background: string;
  text: string;
  muted: string;
  accent: string;
  /** Cover card background: two gradient stops. */
  cover: { from: string; to: string; text: string; subtext: string };
  codeBackground: string;
}

export const CARD_THEMES: readonly CardTheme[] = [
  {
    id: 'paper',
    name: { zh: '暖纸', en: 'Warm paper' },
    background: '#fbf7ef',
    text: '#262626',
    muted: '#8c8c8c',
    accent: '#ff4d4f',
    cover: { from: '#ff7a45', to: '#f5222d', text: '#ffffff', subtext: '#fff1e6' },
    codeBackground: '#f0ebe0',
  },
  {
    id: 'mint',
    name: { zh: '薄荷', en: 'Mint' },
    background: '#f2faf6',
    text: '#1f2d27',
    muted: '#6b8579',
    accent: '#13a36b',
    cover: { from: '#36cfc9', to: '#13a36b', text: '#ffffff', subtext: '#e6fffb' },
    codeBackground: '#e1f2ea',
  },
  {
    id: 'night',
    name: { zh: '夜读', en: 'Night' },
    background: '#1c1f26',
    text: '#eceff4',
    muted: '#9aa3b2',
    accent: '#ffc53d',
    cover: { from: '#2f3542', to: '#14161b', text: '#ffc53d', subtext: '#d9dee8' },
    codeBackground: '#272b34',
  },
  {
    id: 'ink',
    name: { zh: '墨白', en: 'Ink' },
    background: '#ffffff',
    text: '#141414',
    muted: '#8c8c8c',
    accent: '#141414',
    cover: { from: '#434343', to: '#141414', text: '#ffffff', subtext: '#d9d9d9' },
    codeBackground: '#f5f5f5',
  },
];

export function getCardTheme(id = 'paper'): CardTheme {
  const theme = CARD_THEMES.find((t) => t.id === id);
  if (!theme) {
    throw new CreatorFlowError('CONTENT_UNKNOWN_THEME', `未知的卡片主题 '${id}' (unknown card theme). Use one of: ${CARD_THEMES.map((t) => t.id).join(', ')}`, {
      status: 400,
      details: { theme: id, known: CARD_THEMES.map((t) => t.id) },
    });
  }
  return theme;
}
