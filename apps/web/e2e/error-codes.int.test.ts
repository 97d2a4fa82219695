import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, PLATFORM_ERRNO_CODE } from '../src/i18n/error-messages.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'fixtures') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.ts$/.test(entry) && !/\.test\.ts$/.test(entry)) out.push(path);
  }
  return out;
}

/** Every stable error code the server's code can answer with: thrown as `XxxError('CODE'` or set as `code: 'CODE'`. */
function serverCodes(): Set<string> {
  const codes = new Set<string>();
  const dirs = [join(ROOT, 'apps/server/src'), ...readdirSync(join(ROOT, 'packages')).map((p) => join(ROOT, 'packages', p, 'src'))];
  for (const dir of dirs) {
    let files: string[];
    try {
      files = sources(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/[A-Za-z]*Error\(\s*'([A-Z][A-Z0-9_]{3,})'/g)) codes.add(match[1]!);
      for (const match of text.matchAll(/\bcode: '([A-Z][A-Z0-9_]{3,})'/g)) codes.add(match[1]!);
    }
  }
  return codes;
}

describe('error messages', () => {
  it('has a zh-CN and an English message for every error code the server uses', () => {
    const missing = [...serverCodes()].filter((code) => !ERROR_MESSAGES[code] && !PLATFORM_ERRNO_CODE.test(code)).sort();
    expect(missing).toEqual([]);
  });

  it('writes the zh-CN messages in Chinese and the English ones without Chinese', () => {
    for (const [code, { zh, en }] of Object.entries(ERROR_MESSAGES)) {
      expect(zh, code).toMatch(/\p{Script=Han}/u);
      expect(en, code).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
