import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { trendsApi, type TrendSource } from '../../api/trends.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const SOURCES_KEY = ['trend-sources'];

/** Refreshes one source and says how it went; every trend view is refetched afterwards. */
export function useRefreshSource() {
  const { message } = App.useApp();
  const { t, locale } = useI18n();
  const notifyError = useNotifyError();
  const client = useQueryClient();
  return async (source: Pick<TrendSource, 'id' | 'name' | 'name_en'>, quiet = false) => {
    const name = locale === 'zh-CN' ? source.name : source.name_en;
    try {
      const result = await trendsApi.refresh(source.id);
      if (!quiet) {
        if (result.status === 'refreshed') message.success(t('trends.refreshed', { name, count: result.items ?? 0 }));
        else if (result.status === 'skipped') message.info(t('trends.refreshSkipped', { name }));
        else message.error(t('trends.refreshFailed', { name, reason: errorMessage(result.code, locale) ?? result.message ?? '' }));
      }
      return result;
    } catch (error) {
      if (!quiet) notifyError(error);
      return undefined;
    } finally {
      if (!quiet) await client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('trend') });
    }
  };
}
