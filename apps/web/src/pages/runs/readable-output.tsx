import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n.tsx';

/**
 * A step's structured output (the review's {"score":9,"issues":[]}, the title
 * list, a video script) shown as a person reads it: named fields, scores with
 * their scale, lists as lists. Field names this UI does not know are left out
 * rather than shown as raw keys; their values still show.
 */
export function ReadableOutput({ text }: { text: string }) {
  const { t } = useI18n();
  const value = parseJson(text);
  if (value === undefined) return <div className="cf-timeline-delta">{text}</div>;
  return (
    <div className="cf-timeline-delta" data-testid="readable-output">
      {render(value, t)}
    </div>
  );
}

function parseJson(text: string): unknown {
  const trimmed = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function fieldName(t: Translate, key: string): string | undefined {
  const message = `runs.field.${key}` as MessageKey;
  const named = t(message);
  return named === message ? undefined : named;
}

function scalar(value: unknown, t: Translate, key?: string): string {
  if (typeof value === 'boolean') return value ? t('runs.yes') : t('runs.no');
  // Scores come on a 1–10 scale (the review) or 0–100 (title scoring): say which.
  if (key === 'score' && typeof value === 'number') return value <= 10 ? t('runs.scoreOf10', { score: value }) : t('runs.points', { score: value });
  if (key === 'durationSeconds' && typeof value === 'number') return t('runs.seconds', { n: value });
  return String(value);
}

function render(value: unknown, t: Translate, key?: string): ReactNode {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return <Typography.Text type="secondary">{t('runs.none')}</Typography.Text>;
    return (
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {value.map((item, index) => (
          <li key={index}>{render(item, t)}</li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return (
      <div>
        {entries.map(([field, inner]) => {
          const name = fieldName(t, field);
          const simple = inner === null || typeof inner !== 'object';
          return (
            <div key={field} data-field={field}>
              {name ? <Typography.Text strong>{name}：</Typography.Text> : null}
              {simple ? scalar(inner, t, field) : render(inner, t, field)}
            </div>
          );
        })}
      </div>
    );
  }
  return scalar(value, t, key);
}
