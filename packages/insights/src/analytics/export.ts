import type { PostRow } from './service.ts';

const COLUMNS: Array<{ header: string; key: keyof PostRow | 'published'; width: number }> = [
  { header: '平台', key: 'platform', width: 12 },
  { header: '账号', key: 'accountName', width: 16 },
  { header: '标题', key: 'title', width: 40 },
  { header: '发布时间', key: 'published', width: 20 },
  { header: '阅读/播放', key: 'views', width: 12 },
  { header: '点赞', key: 'likes', width: 10 },
  { header: '评论', key: 'comments', width: 10 },
  { header: '转发', key: 'shares', width: 10 },
  { header: '收藏', key: 'favorites', width: 10 },
  { header: '投币', key: 'coins', width: 10 },
  { header: '弹幕', key: 'danmaku', width: 10 },
  { header: '互动率', key: 'engagementRate', width: 10 },
  { header: '爆款分', key: 'viralScore', width: 10 },
  { header: '链接', key: 'url', width: 40 },
];

function cells(row: PostRow, names: (platform: string) => string): Array<string | number | null> {
  return COLUMNS.map((c) => {
    if (c.key === 'platform') return names(row.platform);
    if (c.key === 'published') return new Date(row.publishedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const v = row[c.key];
    if (c.key === 'engagementRate' && typeof v === 'number') return Math.round(v * 10000) / 10000;
    return typeof v === 'number' || typeof v === 'string' ? v : null;
  });
}

/** CSV with a UTF-8 BOM so Excel opens the Chinese headers correctly. */
export function postsCsv(rows: PostRow[], names: (platform: string) => string): string {
  const escape = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // A leading =, +, - or @ would be a formula in a spreadsheet: keep text as text.
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [COLUMNS.map((c) => c.header).join(','), ...rows.map((r) => cells(r, names).map(escape).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function postsXlsx(rows: PostRow[], names: (platform: string) => string): Promise<Buffer> {
  // exceljs is ~28 MB resident and seconds to load; only an export needs it.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'CreatorFlow';
  const sheet = book.addWorksheet('作品数据');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(cells(r, names));
  return Buffer.from(await book.xlsx.writeBuffer());
}
