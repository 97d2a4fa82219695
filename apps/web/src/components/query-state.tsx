import { Button, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isRouteMissing } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Unavailable } from './empty-state.tsx';
import { ProblemAlert } from './problem.tsx';

/**
 * Renders a query's loading, "feature not available yet" and error states,
 * and the children once data is there.
 */
export function QueryState<T>({
  query,
  feature,
  children,
}: {
  query: UseQueryResult<T>;
  feature: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (query.isError) {
    if (isRouteMissing(query.error)) return <Unavailable feature={feature} onRetry={() => void query.refetch()} />;
    return <ProblemAlert error={query.error} action={<Button size="small" onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />;
  }
  return <>{children(query.data)}</>;
}
