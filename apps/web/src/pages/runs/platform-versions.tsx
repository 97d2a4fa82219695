import { CopyOutlined, EyeOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { assetContentUrl } from '../../api/library.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { copyHtml, copyText } from '../../lib/clipboard.ts';
import { platformName } from '../../lib/platforms.ts';

/** One platform version as the `format_for_platform` tool returns it. */
export interface PlatformVersion {
  platform: string;
  title?: string;
  body: string;
  body_format: 'html' | 'markdown' | 'text' | string;
  tags: string[];
  violations: Array<{ code: string; severity: string; field: string; message: string; suggestion: string }>;
  needs_upload: number;
}

/** A stored image as tools return it: `asset://{local|cloud}/image/{id}`. */
export interface StoredImage {
  uri: string;
  width: number;
  height: number;
}

/** Copies rich HTML (pastes formatted into the WeChat editor) with a plain-text fallback, or plain text. */
async function copyBody(version: PlatformVersion): Promise<void> {
  if (version.body_format === 'html') await copyHtml(version.body);
  else await copyText(version.body);
}

function VersionCard({ version, cover }: { version: PlatformVersion; cover: StoredImage | null | undefined }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [previewing, setPreviewing] = useState(false);
  const errors = version.violations.filter((v) => v.severity === 'error').length;
  const copy = async () => {
    try {
      await copyBody(version);
      void message.success(t('runs.versions.copied'));
    } catch {
      void message.error(t('runs.versions.copyFailed'));
    }
  };
  return (
    <Card
      size="small"
      data-testid="platform-version"
      title={platformName(version.platform, locale)}
      extra={version.violations.length > 0 ? <Tag color={errors > 0 ? 'red' : 'orange'} icon={<WarningOutlined />}>{t('runs.versions.issues', { n: version.violations.length })}</Tag> : <Tag color="green">{t('runs.versions.fits')}</Tag>}
    >
      <Row gutter={12} wrap={false}>
        {cover ? (
          <Col flex="none">
            <img src={assetContentUrl(cover.uri)} alt={t('runs.versions.cover')} data-testid="version-cover" style={{ width: 96, borderRadius: 6, border: '1px solid var(--cf-border)' }} />
          </Col>
        ) : null}
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Typography.Paragraph strong copyable={version.title ? { text: version.title } : false} style={{ marginBottom: 4 }} data-testid="version-title">
            {version.title ?? '—'}
          </Typography.Paragraph>
          {version.tags.length > 0 ? (
            <Space size={4} wrap style={{ marginBottom: 8 }}>
              {version.tags.map((tag) => (
                <Tag key={tag}>#{tag}</Tag>
              ))}
            </Space>
          ) : null}
          {version.violations.length > 0 ? (
            <Alert
              type={errors > 0 ? 'error' : 'warning'}
              style={{ marginBottom: 8 }}
              title={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {version.violations.map((v, i) => (
                    <li key={`${v.code}-${i}`}>
                      {v.message}
                      {v.suggestion ? <Typography.Text type="secondary"> — {v.suggestion}</Typography.Text> : null}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Space wrap>
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="copy-version" style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}>
              {version.body_format === 'html' ? t('runs.versions.copyRich') : t('runs.versions.copy')}
            </Button>
            <Button size="small" icon={<EyeOutlined />} onClick={() => setPreviewing((p) => !p)} data-testid="preview-version">
              {previewing ? t('runs.versions.hide') : t('runs.versions.preview')}
            </Button>
          </Space>
        </Col>
      </Row>
      {previewing ? (
        version.body_format === 'html' ? (
          // Sandboxed without scripts: exactly the HTML that will be pasted, and nothing in it can run.
          <iframe
            title={platformName(version.platform, locale)}
            sandbox=""
            srcDoc={`<!doctype html><meta charset="utf-8"><body style="margin:0;padding:12px">${version.body}</body>`}
            style={{ width: '100%', height: 480, border: 0, marginTop: 12 }}
            data-testid="version-frame"
          />
        ) : (
          <pre className="cf-version-text" data-testid="version-text" style={{ whiteSpace: 'pre-wrap', marginTop: 12, maxHeight: 480, overflow: 'auto' }}>
            {version.body}
          </pre>
        )
      ) : null}
    </Card>
  );
}

/** What a creation run made for each platform: title, cover, limit warnings, and the text to paste. */
export function PlatformVersions({ versions, covers }: { versions: PlatformVersion[]; covers: Array<StoredImage | null> | undefined }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('runs.versions.title')} style={{ marginBottom: 16 }} data-testid="platform-versions">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {versions.map((version, i) => (
          <VersionCard key={`${version.platform}-${i}`} version={version} cover={covers?.[i]} />
        ))}
      </Space>
    </Card>
  );
}
