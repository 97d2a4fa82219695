import { PictureOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { formatFor, previewPage } from '../../api/content.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformName } from '../../lib/platforms.ts';
import { useDebounced } from '../../lib/use-debounced.ts';

type Field = 'title' | 'body' | 'summary' | 'tags' | 'images' | 'cover';
const FIELDS: readonly string[] = ['title', 'body', 'summary', 'tags', 'images', 'cover'] satisfies Field[];

/** The work's cover as the preview needs it: its size (for the check) and its URI (to show it). */
export interface PreviewCover {
  width: number;
  height: number;
  src: string;
}

/**
 * Side-by-side preview of the work exactly as a platform will publish it, with its limit warnings.
 * A missing or wrongly sized cover can be rendered from the title at the platform's size right here.
 */
export function PlatformPreview({ title, markdown, tags, platforms, cover, onCoverRendered }: { title: string; markdown: string; tags: string[]; platforms: string[]; cover?: PreviewCover; onCoverRendered?: (assetId: string) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [rendering, setRendering] = useState(false);
  const choices = platforms.length > 0 ? platforms : ['wechat_mp', 'xiaohongshu', 'zhihu'];
  const [picked, setPicked] = useState<string>();
  const platform = picked && choices.includes(picked) ? picked : choices[0]!;
  const raw = useMemo(() => ({ platform, markdown, title: title || undefined, tags, cover }), [platform, markdown, title, tags, cover]);
  const input = useDebounced(raw, 600);
  const enabled = input.markdown.trim().length > 0;
  const check = useQuery({ queryKey: ['format', input], queryFn: ({ signal }) => formatFor(input, signal), placeholderData: keepPreviousData, enabled, staleTime: 60_000 });
  const page = useQuery({ queryKey: ['format-preview', input], queryFn: ({ signal }) => previewPage(input, signal), placeholderData: keepPreviousData, enabled, staleTime: 60_000 });
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const renderCover = async () => {
    setRendering(true);
    try {
      const made = await api<{ id: string; width: number; height: number }>('/api/covers', { body: { title: title || platformName(platform, locale), platform, save: true } });
      onCoverRendered?.(made.id);
      void message.success(t('editor.coverRendered', { platform: platformName(platform, locale), width: made.width, height: made.height }));
    } catch (error) {
      notifyError(error);
    } finally {
      setRendering(false);
    }
  };

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
                          <Tag color={v.severity === 'error' ? 'red' : 'orange'}>{FIELDS.includes(v.field) ? t(`editor.field.${v.field as Field}`) : v.field}</Tag>
                          {v.message[lang]}
                          {v.suggestion ? <Typography.Text type="secondary"> — {v.suggestion[lang]}</Typography.Text> : null}
                          {(v.field === 'cover' || v.code === 'IMAGES_TOO_FEW') && onCoverRendered ? (
                            <Button size="small" type="link" icon={<PictureOutlined />} loading={rendering} onClick={() => void renderCover()} data-testid="render-cover">
                              {t('editor.renderCover')}
                            </Button>
                          ) : null}
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
                  // Sandboxed without scripts: the platform's HTML shows exactly, and nothing in it can run;
                  // same-origin only so its library images load with this session's cookie.
                  <iframe title={platformName(platform, locale)} sandbox="allow-same-origin" srcDoc={page.data} style={{ width: '100%', height: 620, border: 0 }} data-testid="preview-frame" />
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
