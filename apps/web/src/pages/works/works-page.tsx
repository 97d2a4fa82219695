import { Card } from 'antd';
import { useList } from '../../api/lists.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export default function WorksPage() {
  const { t } = useI18n();
  const list = useList<{ id: string }>('/api/works');
  return (
    <>
      <PageHeader title={t('works.title')} subtitle={t('works.subtitle')} />
      <Card>
        <QueryState query={list} feature={t('works.title')}>
          {(page) => (page.items.length === 0 ? <EmptyState title={t('empty.noData')} /> : <pre>{page.items.length}</pre>)}
        </QueryState>
      </Card>
    </>
  );
}
