import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { llmApi, type LlmModel } from '../../api/llm.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { useProviderNames } from './provider-names.ts';

export function ModelsTab() {
  const { t } = useI18n();
  const models = useQuery({ queryKey: ['llm-models'], queryFn: llmApi.models });
  const providerName = useProviderNames();
  return (
    <QueryState query={models} feature={t('llm.tab.models')}>
      {(data) =>
        data.models.length === 0 ? (
          <EmptyState title={t('llm.noProviders')} hint={t('llm.noProvidersHint')} />
        ) : (
          <Table<LlmModel>
            rowKey={(m) => `${m.provider}/${m.model}`}
            size="small"
            dataSource={data.models}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
            columns={[
              { title: t('llm.tab.providers'), dataIndex: 'provider', render: (p: string) => <span translate="no">{providerName(p)}</span> },
              { title: t('llm.model'), dataIndex: 'model', render: (m: string) => <span translate="no">{m}</span> },
              { title: t('llm.priceIn'), dataIndex: 'input' },
              { title: t('llm.priceOut'), dataIndex: 'output' },
              { title: t('llm.context'), dataIndex: 'context_window', render: (n: number) => (n ? `${Math.round(n / 1000)}k` : '—') },
              { title: '', dataIndex: 'capabilities', render: (c: string[]) => c.map((x) => <Tag key={x}>{t(`llm.cap.${x}` as MessageKey)}</Tag>) },
            ]}
          />
        )
      }
    </QueryState>
  );
}
