import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import type { TrendItem, TrendSource } from '../../api/trends.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';

type Breakdown = TrendItem['heat_breakdown'];

/** Heat 0–100 as a tag; hovering shows how the number is made (the formula of ADR 0820). */
export function HeatTag({ breakdown }: { breakdown: Breakdown }) {
  const { t } = useI18n();
  const color = breakdown.heat >= 70 ? 'red' : breakdown.heat >= 40 ? 'orange' : 'default';
  return (
    <Tooltip
      title={
        <div data-testid="heat-explain">
          <div style={{ fontWeight: 600 }}>{t('trends.heatTitle', { heat: breakdown.heat })}</div>
          <div>{t('trends.heatRank', { value: breakdown.rank })}</div>
          <div>{t('trends.heatBreadth', { value: breakdown.frequency })}</div>
          <div>{t('trends.heatTop5', { value: breakdown.hotness })}</div>
          <div style={{ marginTop: 4, opacity: 0.85, fontSize: 12 }}>{t('trends.heatHow')}</div>
        </div>
      }
    >
      <Tag color={color} data-testid="heat-tag" style={{ cursor: 'help', marginInlineEnd: 0 }}>
        {t('trends.heat', { heat: breakdown.heat })}
      </Tag>
    </Tooltip>
  );
}

/** Places gained per hour: up is good news for a creator, so green. */
export function Velocity({ value }: { value: number }) {
  const { t } = useI18n();
  if (Math.abs(value) < 0.05) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        <MinusOutlined /> {t('trends.velocity.flat')}
      </Typography.Text>
    );
  }
  const up = value > 0;
  return (
    <Typography.Text style={{ fontSize: 12, color: up ? '#389e0d' : '#cf1322', whiteSpace: 'nowrap' }} data-testid="velocity">
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {t(up ? 'trends.velocity.up' : 'trends.velocity.down', { value: Math.abs(value) })}
    </Typography.Text>
  );
}

export function duration(minutes: number, t: Translate): string {
  return minutes < 120 ? t('trends.minutes', { n: minutes }) : t('trends.hours', { n: Math.round(minutes / 6) / 10 });
}

export function formatHot(value: number | null | undefined, locale: string): string | null {
  if (value === null || value === undefined) return null;
  if (locale === 'zh-CN' && value >= 10_000) return value >= 100_000_000 ? `${(value / 100_000_000).toFixed(1)}亿` : `${(value / 10_000).toFixed(value >= 1_000_000 ? 0 : 1)}万`;
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

const STATUS_COLOR: Record<TrendSource['status'], string> = { ok: 'success', stale: 'warning', failing: 'error', never: 'default' };

export function SourceStatusTag({ source }: { source: TrendSource }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[source.status]} data-testid="source-status" style={{ marginInlineEnd: 0 }}>
      {t(`trends.status.${source.status}`)}
    </Tag>
  );
}

/** Why a source last failed, in the reader's language: the message for its stable code, else the server's words. */
export function sourceErrorText(source: TrendSource, locale: 'zh-CN' | 'en'): string {
  return (source.last_error_code ? errorMessage(source.last_error_code, locale) : undefined) ?? source.last_error ?? '';
}

/** One line of health under a source: last success, last failure and why, failures in a row. */
export function SourceHealthLine({ source }: { source: TrendSource }) {
  const { t, locale } = useI18n();
  const parts: string[] = [t('trends.tier', { n: source.tier_minutes })];
  if (source.last_success_at) parts.push(t('trends.lastSuccess', { time: shortTime(source.last_success_at, locale) }));
  if (source.item_count > 0) parts.push(t('trends.items', { n: source.item_count }));
  const failed = source.last_error_at && (!source.last_success_at || source.last_error_at > source.last_success_at);
  return (
    <div style={{ fontSize: 12 }}>
      <Typography.Text type="secondary">{parts.join(' · ')}</Typography.Text>
      {failed ? (
        <div data-testid="source-error">
          <Typography.Text type="danger">
            {t('trends.lastError', { time: shortTime(source.last_error_at, locale), reason: sourceErrorText(source, locale) })}
            {source.consecutive_failures > 1 ? ` · ${t('trends.failures', { n: source.consecutive_failures })}` : ''}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}
