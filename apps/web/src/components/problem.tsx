import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/errors.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';

/** The message a person should read for an error: the server's detail, or a friendly hint for network/auth failures. */
export function problemMessage(error: unknown, t: Translate): string {
  if (ApiError.isInstance(error)) {
    if (error.status === 0) return t('error.network');
    if (error.code === 'AUTH_REQUIRED' && error.status === 401) return error.message;
    const field = error.problem.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
    return field && !error.message.includes(field) ? `${error.message} (${field})` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function TraceId({ id }: { id: string | undefined }) {
  const { t } = useI18n();
  if (!id) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: id }}>
      {t('error.traceId')}: <span data-testid="trace-id">{id}</span>
    </Typography.Text>
  );
}

/** Inline error box: the problem's message, its code and the trace id to report. */
export function ProblemAlert({ error, action }: { error: unknown; action?: ReactNode }) {
  const { t } = useI18n();
  const traceId = ApiError.isInstance(error) ? error.traceId : undefined;
  const code = ApiError.isInstance(error) ? error.code : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={code ? `${t('error.title')} · ${code}` : t('error.title')}
      description={
        <div>
          <div>{problemMessage(error, t)}</div>
          <TraceId id={traceId} />
        </div>
      }
      action={action}
    />
  );
}
