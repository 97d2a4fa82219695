import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { setCurrency, useExchangeRate, useMoney, type Currency, type ExchangeRate } from '../../lib/money.ts';
import { shortTime } from '../../lib/time.ts';

/** 货币与汇率: which currency amounts are shown in (this browser), and the workspace's rate. */
export function MoneyCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const { currency } = useMoney();
  const rate = useExchangeRate();
  // Undefined until the person types: the field shows the workspace's rate.
  const [edited, setValue] = useState<number | null>();
  const value = edited === undefined ? (rate.data?.cny_per_usd ?? null) : edited;
  const [saving, setSaving] = useState(false);
  const valid = value !== null && value >= 0.5 && value <= 50;

  const save = async () => {
    if (!valid) return;
    setSaving(true);
    try {
      const saved = await api<ExchangeRate>('/api/llm/exchange-rate', { method: 'PUT', body: { cny_per_usd: value } });
      queryClient.setQueryData(['exchange-rate'], saved);
      setValue(undefined);
      void message.success(t('common.saved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('settings.money')} style={{ marginBottom: 16 }} data-testid="money-card">
      <Form layout="vertical">
        <Form.Item label={t('settings.currency')}>
          <Segmented<Currency>
            value={currency}
            onChange={setCurrency}
            data-testid="currency-choice"
            options={[
              { label: t('settings.currency.CNY'), value: 'CNY' },
              { label: t('settings.currency.USD'), value: 'USD' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('settings.rate')}
          extra={t('settings.rateHint')}
          validateStatus={value !== null && !valid ? 'error' : undefined}
          help={value !== null && !valid ? t('settings.rateInvalid') : undefined}
        >
          <Space wrap>
            <InputNumber min={0} step={0.01} value={value} onChange={(v) => setValue(v)} suffix={t('settings.rateUnit')} style={{ width: 160 }} data-testid="exchange-rate" />
            <Button onClick={() => void save()} loading={saving} disabled={!valid || value === rate.data?.cny_per_usd} data-testid="save-exchange-rate">
              {t('common.save')}
            </Button>
          </Space>
        </Form.Item>
        {rate.data ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rate.data.updated_at ? t('settings.rateSet', { time: shortTime(rate.data.updated_at, locale) }) : t('settings.rateDefault')}
          </Typography.Text>
        ) : null}
      </Form>
    </Card>
  );
}
