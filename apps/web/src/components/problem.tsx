import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/errors.ts';
import { errorMessage } from '../i18n/error-messages.ts';
import { useI18n, type Locale, type Translate } from '../i18n/i18n.tsx';

/**
 * The message a person should read for an error, in their language: the
 * message for its stable code (error-messages.ts), else the server's detail.
 */
export function problemMessage(error: unknown, t: Translate, locale: Locale = 'zh-CN'): string {
  if (ApiError.isInstance(error)) {
    if (error.status === 0) return t('error.network');
    const known = errorMessage(error.code, locale);
    if (known) return known;
    if (error.code === 'AUTH_REQUIRED' && error.status === 401) return error.message;
    const field = error.problem.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
    return field && !error.message.includes(field) ? `${error.message} (${field})` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The server's own words (English, for a bug report), folded away under the message. */
function TechnicalDetail({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  if (!ApiError.isInstance(error) || error.status === 0 || !errorMessage(error.code, locale)) return null;
  const fields = error.problem.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
  return (
    <details className="cf-tech-detail">
      <summary>{t('error.details')}</summary>
      <code>
        {error.code} · {error.message}
        {fields && !error.message.includes(fields) ? ` (${fields})` : ''}
      </code>
    </details>
  );
}

/** A run's stored error ({code, message}) as the ApiError the alert and notifications understand. */
export function runError(error: { code?: string; message?: string }): ApiError {
  return new ApiError({ status: 500, code: error.code, detail: error.message });
}

export function TraceId({ id }: { id: string | undefined }) {
  const { t } = useI18n();
  if (!id) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: id }}>
      {t('error.traceId')}: <span data-testid="trace-id" translate="no">{id}</span>
    </Typography.Text>
  );
}

/** Inline error box: the problem's message, its code and the trace id to report. */
export { TechnicalDetail };

export function ProblemAlert({ error, action }: { error: unknown; action?: ReactNode }) {
  const { t, locale } = useI18n();
  const traceId = ApiError.isInstance(error) ? error.traceId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error.title')}
      description={
        <div>
          <div data-testid="problem-message">{problemMessage(error, t, locale)}</div>
          <TechnicalDetail error={error} />
          <TraceId id={traceId} />
        </div>
      }
      action={action}
    />
  );
}
