import { Space, Tag, Typography } from 'antd';
import type { Work } from '../../api/library.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformName } from '../../lib/platforms.ts';
import { shortTime } from '../../lib/time.ts';
import { JOB_COLOR } from '../../lib/job-status.ts';

/** Where a work went: per account, the platform, the job's state and — once live — when and the link to the post. */
export function Publications({ work, compact = false }: { work: Work; compact?: boolean }) {
  const { t, locale } = useI18n();
  if (work.publications.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap data-testid="work-publications">
      {work.publications.map((p) => {
        const name = platformName(p.platform, locale);
        const when = p.status === 'published' ? shortTime(p.published_at, locale) : p.status === 'scheduled' ? shortTime(p.run_at, locale) : null;
        const label = (
          <>
            {name} · {t(`publish.status.${p.status}`)}
            {when && !compact ? ` ${when}` : ''}
          </>
        );
        return (
          <Tag key={`${p.account_id}-${p.job_id}`} color={JOB_COLOR[p.status]} data-testid="work-publication" data-platform={p.platform} style={{ marginInlineEnd: 0 }}>
            {p.url ? (
              <Typography.Link href={p.url} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()} data-testid="publication-link">
                {label}
              </Typography.Link>
            ) : (
              label
            )}
          </Tag>
        );
      })}
    </Space>
  );
}
