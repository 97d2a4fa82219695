import { App, InputNumber, type FormItemProps } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { formatMajor, LARGE_BUDGET, useMoney, type Currency } from '../lib/money.ts';

/** An amount in the person's currency: ¥ or $ in front, no spinner steps below a fen. */
export function MoneyInput(props: { value?: number | null; onChange?: (v: number | null) => void; testId?: string; placeholder?: string; style?: React.CSSProperties }) {
  const { symbol } = useMoney();
  return <InputNumber prefix={symbol} step={1} precision={2} style={{ width: '100%', ...props.style }} value={props.value} onChange={props.onChange} placeholder={props.placeholder} data-testid={props.testId} />;
}

/** Form rules for a budget: empty is allowed (no budget), 0 and negative are refused with a message. */
export function useBudgetRules(): FormItemProps['rules'] {
  const { t } = useI18n();
  return [
    {
      validator: async (_: unknown, value: unknown) => {
        if (value === null || value === undefined || value === '') return;
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new Error(t('money.mustBePositive'));
      },
    },
  ];
}

/**
 * Asks before an absurd budget (1e9 元 is a typo, not a plan) is saved; answers
 * whether to go on. A normal budget goes on without a question.
 */
export function useConfirmLargeBudget(): (amount: number | null | undefined, currency: Currency) => Promise<boolean> {
  const { t } = useI18n();
  const { modal } = App.useApp();
  return (amount, currency) => {
    if (amount === null || amount === undefined || amount < LARGE_BUDGET[currency]) return Promise.resolve(true);
    return new Promise((resolve) => {
      modal.confirm({
        title: t('money.largeTitle', { amount: formatMajor(amount, currency) }),
        content: t('money.largeBody'),
        okText: t('money.largeOk'),
        okButtonProps: { danger: true, ...({ 'data-testid': 'confirm-large-budget' } as Record<string, string>) },
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  };
}
