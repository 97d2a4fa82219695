import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TraceId, problemMessage } from './problem.tsx';

/** Returns a function that shows any error as a notification with its trace id. */
export function useNotifyError(): (error: unknown) => void {
  const { notification } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      const traceId = ApiError.isInstance(error) ? error.traceId : undefined;
      notification.error({
        title: ApiError.isInstance(error) ? `${t('error.title')} · ${error.code}` : t('error.title'),
        description: (
          <div>
            <div>{problemMessage(error, t)}</div>
            <TraceId id={traceId} />
          </div>
        ),
        duration: 8,
      });
    },
    [notification, t],
  );
}
