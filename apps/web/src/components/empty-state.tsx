import { Button, Empty, Result } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** An empty page that says what to do first. */
export function EmptyState({ title, hint, action }: { title: ReactNode; hint?: ReactNode; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      style={{ padding: '32px 0' }}
      description={
        <div>
          <div style={{ fontSize: 16, fontWeight: 500, color: 'var(--cf-text)' }}>{title}</div>
          {hint ? <div style={{ marginTop: 4, color: 'var(--cf-text-secondary)' }}>{hint}</div> : null}
        </div>
      }
    >
      {action}
    </Empty>
  );
}

/** Shown where the server has no API for a feature yet; never replaced by made-up data. */
export function Unavailable({ feature, onRetry }: { feature: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="info"
      data-testid="feature-unavailable"
      title={t('unavailable.title')}
      subTitle={t('unavailable.desc', { feature })}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
