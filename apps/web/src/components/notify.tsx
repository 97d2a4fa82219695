import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TechnicalDetail, TraceId, problemMessage } from './problem.tsx';

/** Returns a function that shows any error as a notification with its trace id. */
export function useNotifyError(): (error: unknown) => void {
  const { notification } = App.useApp();
  const { t, locale } = useI18n();
  return useCallback(
    (error: unknown) => {
      const traceId = ApiError.isInstance(error) ? error.traceId : undefined;
      notification.error({
        title: t('error.title'),
        description: (
          <div>
            <div data-testid="problem-message">{problemMessage(error, t, locale)}</div>
            <TechnicalDetail error={error} />
            <TraceId id={traceId} />
          </div>
        ),
        duration: 8,
      });
    },
    [notification, t, locale],
  );
}
