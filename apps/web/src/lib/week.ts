import type { Translate } from '../i18n/i18n.tsx';

/** An ISO week (`2026-W49`) as people say it: 2026 年第 49 周 / week 49 of 2026; anything else as given. */
export function weekName(iso: string, t: Translate): string {
  const m = /^(\d{4})-W(\d{1,2})$/.exec(iso);
  return m ? t('weekly.weekName', { year: m[1]!, week: Number(m[2]) }) : iso;
}
