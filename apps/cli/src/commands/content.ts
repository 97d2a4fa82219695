import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CreatorFlowError } from '@creatorflow/core';
import { formatForPlatform, platformIds, previewPage, renderCover, type FormatResult, type Violation } from '@creatorflow/content';
import { openClient } from '../api-client.ts';
import type { CommandModule } from './types.ts';

interface FormatOptions {
  platform: string;
  theme?: string;
  css?: string;
  title?: string;
  tags?: string;
  out?: string;
  preview?: string;
  json?: boolean;
  strict?: boolean;
  fit?: 'title' | 'body' | 'summary';
}

function readBytesOrFail(path: string, what: string): Buffer {
  if (!existsSync(path)) {
    throw new CreatorFlowError('CLI_FILE_NOT_FOUND', `${what} '${path}' does not exist; check the path`, { status: 400 });
  }
  return readFileSync(path);
}

const readFileOrFail = (path: string, what: string): string => readBytesOrFail(path, what).toString('utf8');

/** One line per violation, zh-CN first, then English, with the fix. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const mark = v.severity === 'error' ? '✗' : '!';
      const numbers = v.limit !== undefined ? ` [${v.actual ?? '?'}/${v.limit}]` : '';
      return `${mark} ${v.code}${numbers} ${v.message.zh} → ${v.suggestion.zh}\n    ${v.message.en} → ${v.suggestion.en}`;
    })
    .join('\n');
}

export const contentCommands: CommandModule = (program) => {
  program
    .command('format')
    .description('Format a Markdown file for a platform and check its limits / 按平台排版并检查限制')
    .argument('<file>', 'Markdown file (front matter title/summary/tags is read)')
    .requiredOption('-p, --platform <platform>', platformIds().join(' | '))
    .option('-t, --theme <theme>', 'WeChat theme: default | ink | tech | warm')
    .option('--css <file>', 'custom CSS applied after the theme (WeChat)')
    .option('--title <title>', 'title (default: front matter or first # heading)')
    .option('--tags <tags>', 'comma-separated tags')
    .option('-o, --out <file>', 'write the body here instead of stdout')
    .option('--preview <file>', 'also write a full HTML preview page')
    .option('--json', 'print the whole result as JSON')
    .option('--strict', 'exit with code 2 when a limit is broken')
    .option('--fit <field>', 'rewrite a too-long title|body|summary with the configured LLM (needs a model)')
    .action(async (file: string, opts: FormatOptions) => {
      const input = {
        markdown: readFileOrFail(file, 'Markdown file'),
        platform: opts.platform,
        theme: opts.theme,
        customCss: opts.css ? readFileOrFail(opts.css, 'CSS file') : undefined,
        title: opts.title,
        tags: opts.tags?.split(/[,，]/).map((t) => t.trim()).filter(Boolean),
      };
      let result: FormatResult;
      if (opts.fit) {
        const client = await openClient();
        try {
          const { customCss, ...rest } = input;
          const answer = await client.request<{ fit: { text: string; fits: boolean; chars: number; limit: number } }>('POST', '/api/format/fit', {
            ...rest,
            custom_css: customCss,
            field: opts.fit,
          });
          process.stderr.write(
            answer.fit.fits
              ? `AI 改写完成：${answer.fit.chars}/${answer.fit.limit} 字\n`
              : `AI 改写后仍有 ${answer.fit.chars} 字，超过 ${answer.fit.limit} 字，请手动精简\n`,
          );
          // The API answers in snake_case; format the rewritten text here as the server did, for the preview and summary.
          const fitted = formatForPlatform(input);
          const field = opts.fit === 'body' ? 'markdown' : opts.fit;
          result = formatForPlatform({ ...input, [field]: answer.fit.text, ...(opts.fit === 'body' && fitted.output === 'video' ? { summary: answer.fit.text } : {}) });
        } finally {
          await client.close();
        }
      } else {
        result = formatForPlatform(input);
      }
      if (opts.preview) writeFileSync(opts.preview, previewPage(result));
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (opts.out) writeFileSync(opts.out, result.body);
      else process.stdout.write(`${result.body}\n`);
      const summary = `${result.platformName.zh}: 标题 ${result.stats.titleChars} 字，正文 ${result.stats.bodyChars} 字，图片 ${result.stats.imageCount} 张，标签 ${result.stats.tagCount} 个`;
      process.stderr.write(`${summary}\n`);
      for (const notice of result.notices) process.stderr.write(`· ${notice}\n`);
      if (result.violations.length) process.stderr.write(`${describeViolations(result.violations)}\n`);
      if (opts.strict && result.violations.some((v) => v.severity === 'error')) process.exitCode = 2;
    });
  program
    .command('cover')
    .description('Render a cover PNG with a Chinese title at a platform size / 生成平台尺寸封面')
    .requiredOption('--title <title>', 'title text on the cover')
    .option('-p, --platform <platform>', 'platform whose cover size to use', 'wechat')
    .option('--subtitle <text>', 'smaller line under the title')
    .option('-t, --template <template>', 'gradient | minimal | photo')
    .option('--image <file>', 'background image (PNG/JPEG) for the photo template')
    .requiredOption('-o, --out <file>', 'PNG file to write')
    .action((opts: { title: string; platform: string; subtitle?: string; template?: string; image?: string; out: string }) => {
      const cover = renderCover({
        title: opts.title,
        subtitle: opts.subtitle,
        platform: opts.platform,
        template: opts.template,
        backgroundImage: opts.image ? readBytesOrFail(opts.image, 'Image file') : undefined,
      });
      writeFileSync(opts.out, cover.png);
      process.stderr.write(`${opts.out}: ${cover.width}×${cover.height}, ${cover.title.lines.length} 行标题，字号 ${cover.title.fontSize}px${cover.title.truncated ? '（已截断）' : ''}\n`);
    });
};
