import { WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatFor, previewPage } from '../../api/content.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformName } from '../../lib/platforms.ts';
import { useDebounced } from '../../lib/use-debounced.ts';

/** Side-by-side preview of the work exactly as a platform will publish it, with its limit warnings. */
export function PlatformPreview({ title, markdown, tags, platforms }: { title: string; markdown: string; tags: string[]; platforms: string[] }) {
  const { t, locale } = useI18n();
  const choices = platforms.length > 0 ? platforms : ['wechat_mp', 'xiaohongshu', 'zhihu'];
  const [picked, setPicked] = useState<string>();
  const platform = picked && choices.includes(picked) ? picked : choices[0]!;
  const raw = useMemo(() => ({ platform, markdown, title: title || undefined, tags }), [platform, markdown, title, tags]);
  const input = useDebounced(raw, 600);
  const enabled = input.markdown.trim().length > 0;
  const check = useQuery({ queryKey: ['format', input], queryFn: ({ signal }) => formatFor(input, signal), placeholderData: keepPreviousData, enabled, staleTime: 60_000 });
  const page = useQuery({ queryKey: ['format-preview', input], queryFn: ({ signal }) => previewPage(input, signal), placeholderData: keepPreviousData, enabled, staleTime: 60_000 });
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  return (
    <Card
      title={t('editor.preview')}
      size="small"
      data-testid="platform-preview"
      extra={<Segmented size="small" value={platform} onChange={(v) => setPicked(String(v))} options={choices.map((id) => ({ value: id, label: platformName(id, locale) }))} />}
    >
      {!enabled ? (
        <EmptyState title={t('editor.previewEmpty')} />
      ) : (
        <QueryState query={check} feature={t('editor.preview')}>
          {(result) => (
            <>
              {result.violations.length > 0 ? (
                <Alert
                  type={result.violations.some((v) => v.severity === 'error') ? 'error' : 'warning'}
                  icon={<WarningOutlined />}
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('editor.previewWarnings')}
                  data-testid="preview-violations"
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {result.violations.map((v, i) => (
                        <li key={`${v.code}-${i}`}>
                          <Tag color={v.severity === 'error' ? 'red' : 'orange'}>{v.field}</Tag>
                          {v.message[lang]}
                          {v.suggestion ? <Typography.Text type="secondary"> — {v.suggestion[lang]}</Typography.Text> : null}
                        </li>
                      ))}
                    </ul>
                  }
                />
              ) : (
                <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('editor.previewOk')} data-testid="preview-ok" />
              )}
              <Space size={4} wrap style={{ marginBottom: 8 }}>
                <Tag>{t('editor.statTitle', { n: result.stats.title_chars })}</Tag>
                <Tag>{t('editor.statBody', { n: result.stats.body_chars })}</Tag>
                <Tag>{t('editor.statImages', { n: result.stats.image_count })}</Tag>
                {result.notices.length > 0 ? <Tag color="blue" title={result.notices.join('\n')}>{t('editor.notices', { n: result.notices.length })}</Tag> : null}
              </Space>
              <div className={platform === 'wechat' || platform === 'wechat_mp' || platform === 'xiaohongshu' || platform === 'douyin' ? 'cf-preview cf-preview-phone' : 'cf-preview'}>
                {page.data !== undefined ? (
                  // Sandboxed without scripts: the platform's HTML shows exactly, and nothing in it can run.
                  <iframe title={platformName(platform, locale)} sandbox="" srcDoc={page.data} style={{ width: '100%', height: 620, border: 0 }} data-testid="preview-frame" />
                ) : (
                  <QueryState query={page} feature={t('editor.preview')}>
                    {() => null}
                  </QueryState>
                )}
              </div>
            </>
          )}
        </QueryState>
      )}
    </Card>
  );
}
