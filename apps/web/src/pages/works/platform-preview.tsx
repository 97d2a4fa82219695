import { WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { formatFor, type FormatResult } from '../../api/content.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PLATFORMS, platformName } from '../../lib/platforms.ts';

const FRAME_STYLE = '<style>body{margin:0;padding:12px;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#222;line-height:1.75;word-break:break-word}img{max-width:100%}</style>';

function Rendered({ result }: { result: FormatResult }) {
  if (result.body_format === 'html') {
    // Sandboxed without scripts: the preview shows the platform's HTML exactly, and nothing in it can run.
    return <iframe title="preview" sandbox="" srcDoc={`<!doctype html><meta charset="utf-8">${FRAME_STYLE}${result.body}`} style={{ width: '100%', height: 560, border: 0 }} data-testid="preview-frame" />;
  }
  return (
    <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.75 }} data-testid="preview-text">
      {result.body}
    </div>
  );
}

/** Side-by-side preview of the work as a platform will publish it, with its limit warnings. */
export function PlatformPreview({ title, markdown, tags, platforms }: { title: string; markdown: string; tags: string[]; platforms: string[] }) {
  const { t, locale } = useI18n();
  const choices = platforms.length > 0 ? platforms : PLATFORMS.slice(0, 3).map((p) => p.id);
  const [picked, setPicked] = useState<string>();
  const platform = picked && choices.includes(picked) ? picked : choices[0]!;
  const input = useDeferredValue({ platform, markdown, title, tags });
  const preview = useQuery({
    queryKey: ['format', input],
    queryFn: ({ signal }) => formatFor(input, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  return (
    <Card
      title={t('editor.preview')}
      size="small"
      extra={
        <Segmented size="small" value={platform} onChange={(v) => setPicked(String(v))} options={choices.map((id) => ({ value: id, label: platformName(id, locale) }))} data-testid="preview-platforms" />
      }
    >
      <QueryState query={preview} feature={t('editor.preview')}>
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
              <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('editor.previewOk')} />
            )}
            <div className={platform === 'wechat' || platform === 'xiaohongshu' ? 'cf-preview cf-preview-phone' : 'cf-preview'}>
              {result.title ? <h2 style={{ marginTop: 0 }}>{result.title}</h2> : null}
              <Rendered result={result} />
            </div>
          </>
        )}
      </QueryState>
    </Card>
  );
}
