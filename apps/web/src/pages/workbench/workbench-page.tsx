import { Card } from 'antd';
import { useList } from '../../api/lists.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export default function WorkbenchPage() {
  const { t } = useI18n();
  const list = useList<{ id: string }>('/api/graphs');
  return (
    <>
      <PageHeader title={t('workbench.title')} subtitle={t('workbench.subtitle')} />
      <Card>
        <QueryState query={list} feature={t('workbench.title')}>
          {(page) => (page.items.length === 0 ? <EmptyState title={t('empty.noData')} /> : <pre>{page.items.length}</pre>)}
        </QueryState>
      </Card>
    </>
  );
}
