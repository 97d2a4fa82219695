import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { publishApi } from '../api/publish.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { canonicalPlatform, platformName } from './platforms.ts';

/**
 * A platform's display name from the server's platform catalogue (小红书, not
 * xiaohongshu), in the user's language; the app's own list answers until the
 * catalogue has loaded, so a row never flashes a raw id.
 */
export function usePlatformName(): (id: string) => string {
  const { locale } = useI18n();
  const catalogue = useQuery({ queryKey: ['publish-platforms'], queryFn: publishApi.platforms, staleTime: 300_000 });
  const platforms = catalogue.data?.platforms;
  return useCallback(
    (id: string) => {
      const found = platforms?.find((p) => p.id === canonicalPlatform(id));
      if (found) return locale === 'zh-CN' ? found.name : found.name_en;
      return platformName(id, locale);
    },
    [platforms, locale],
  );
}
