import type { VideoScript } from './schema.ts';

const COLUMNS = ['#', 'scene', 'start', 'durationSeconds', 'visuals', 'voiceOver', 'onScreenText', 'musicCue'] as const;
const HEADERS_ZH = ['镜头', '场景', '开始', '时长(秒)', '画面', '口播', '屏幕文字', '音乐/音效'];

function timecode(seconds: number): string {
  const s = Math.round(seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function rows(script: VideoScript): string[][] {
  let start = 0;
  return script.shots.map((shot, i) => {
    const row = [String(i + 1), shot.scene, timecode(start), String(shot.durationSeconds), shot.visuals, shot.voiceOver, shot.onScreenText, shot.musicCue];
    start += shot.durationSeconds;
    return row;
  });
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A readable Markdown shot list (table) with hook and call to action. */
export function scriptToMarkdown(script: VideoScript): string {
  const lines = [
    `# ${script.title}`,
    '',
    `- 时长：${script.totalSeconds} 秒（${script.format}）${script.platform ? ` · 平台：${script.platform}` : ''}`,
    `- 开头钩子：${script.hook}`,
    `- 结尾引导：${script.cta}`,
    '',
    `| ${HEADERS_ZH.join(' | ')} |`,
    `|${HEADERS_ZH.map(() => '---').join('|')}|`,
    ...rows(script).map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 CSV with a UTF-8 BOM and CRLF line ends, so Excel and WPS open the
 * Chinese text correctly.
 */
export function scriptToCsv(script: VideoScript): string {
  const header = HEADERS_ZH.map((h, i) => `${h}/${COLUMNS[i]}`);
  return `\uFEFF${[header, ...rows(script)].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
