import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { llmApi, type LlmModel } from '../../api/llm.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { formatMajor, useMoney } from '../../lib/money.ts';
import { useProviderNames } from './provider-names.ts';

export function ModelsTab() {
  const { t } = useI18n();
  const models = useQuery({ queryKey: ['llm-models'], queryFn: llmApi.models });
  const providerName = useProviderNames();
  const money = useMoney();
  // Each price in the person's currency, whatever currency it was stored in: one currency per view.
  const price = (amount: number, m: LlmModel) => <span data-testid="model-price">{formatMajor(money.convert(amount, m.currency), money.currency)}</span>;
  return (
    <QueryState query={models} feature={t('llm.tab.models')}>
      {(data) =>
        data.models.length === 0 ? (
          <EmptyState title={t('llm.noProviders')} hint={t('llm.noProvidersHint')} />
        ) : (
          <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('llm.priceNote', { currency: t(`money.${money.currency}`) })}</Typography.Paragraph>
          <Table<LlmModel>
            rowKey={(m) => `${m.provider}/${m.model}`}
            size="small"
            dataSource={data.models}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
            columns={[
              { title: t('llm.tab.providers'), dataIndex: 'provider', render: (p: string) => <span translate="no">{providerName(p)}</span> },
              { title: t('llm.model'), dataIndex: 'model', render: (m: string) => <span translate="no">{m}</span> },
              { title: t('llm.priceIn', { symbol: money.symbol }), dataIndex: 'input', render: price },
              { title: t('llm.priceOut', { symbol: money.symbol }), dataIndex: 'output', render: price },
              { title: t('llm.context'), dataIndex: 'context_window', render: (n: number) => (n ? `${Math.round(n / 1000)}k` : '—') },
              { title: '', dataIndex: 'capabilities', render: (c: string[]) => c.map((x) => <Tag key={x}>{t(`llm.cap.${x}` as MessageKey)}</Tag>) },
            ]}
          />
          </>
        )
      }
    </QueryState>
  );
}
