import { CopyOutlined, DownloadOutlined, ExportOutlined, FileZipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { publishApi, type AssistBundle, type PublishJob } from '../../api/publish.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type BundleFile = AssistBundle['files'][number];

/**
 * Puts text on the clipboard; with `html`, as rich text too, so it pastes
 * formatted into the platform's editor (images by their signed links).
 */
async function copy(text: string, html?: string): Promise<void> {
  if (html && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(text);
}

function CopyButton({
  label,
  text,
  html,
  testId,
}: {
  label: string;
  text: string;
  html?: string;
  testId: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Button
      size="small"
      icon={<CopyOutlined />}
      data-testid={testId}
      onClick={() =>
        void copy(text, html).then(
          () => message.success(t('publish.assist.copied')),
          () => message.warning(t('publish.assist.copyFailed')),
        )
      }
    >
      {label}
    </Button>
  );
}

function FileCard({ file }: { file: BundleFile }) {
  const { t } = useI18n();
  const label =
    file.role === 'cover'
      ? t('publish.assist.cover')
      : file.role === 'video'
        ? t('publish.assist.video')
        : t('publish.assist.image', { order: file.order });
  return (
    <Card size="small" style={{ width: 132 }} data-testid="assist-file" styles={{ body: { padding: 6 } }}>
      {file.size === null ? (
        <Typography.Text type="secondary">{t('publish.assist.missingFile')}</Typography.Text>
      ) : file.content_type.startsWith('image/') ? (
        <img
          src={file.url}
          alt={label}
          style={{
            width: '100%',
            aspectRatio: '3 / 4',
            objectFit: 'cover',
            borderRadius: 4,
            background: '#f5f5f5',
          }}
          data-testid="assist-image"
        />
      ) : (
        <video src={file.url} style={{ width: '100%' }} controls preload="metadata" />
      )}
      <Space size={4} style={{ marginTop: 4, width: '100%', justifyContent: 'space-between' }}>
        <Tag color={file.role === 'cover' ? 'gold' : undefined}>{label}</Tag>
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined />}
          href={file.download_url}
          download={file.name}
          aria-label={`${t('publish.assist.download')} ${label}`}
          data-testid="assist-download"
        />
      </Space>
    </Card>
  );
}

/** Everything to publish one job by hand in a minute: copy, download, open the editor, paste the link back. */
function Bundle({ job, bundle }: { job: PublishJob; bundle: AssistBundle }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const complete = async () => {
    setBusy(true);
    try {
      await publishApi.complete(job.id, url.trim());
      void message.success(t('publish.assist.done'));
      await queryClient.invalidateQueries({ queryKey: ['publish-jobs'] });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Button
          type="primary"
          icon={<ExportOutlined />}
          href={bundle.editor_url}
          target="_blank"
          rel="noreferrer"
          data-testid="assist-editor"
        >
          {t('publish.assist.openEditor', { platform: bundle.platform_name })}
        </Button>
        <Button icon={<FileZipOutlined />} href={bundle.zip_url} download data-testid="assist-zip">
          {t('publish.assist.downloadAll')}
        </Button>
      </Space>
      {bundle.title ? (
        <div>
          <Typography.Text type="secondary">{t('publish.assist.title')}</Typography.Text>
          <Space wrap style={{ display: 'flex' }}>
            <Typography.Text strong data-testid="assist-title">
              {bundle.title}
            </Typography.Text>
            <CopyButton
              label={t('publish.assist.copyTitle')}
              text={bundle.title}
              testId="assist-copy-title"
            />
          </Space>
        </div>
      ) : null}
      <div>
        <Space wrap style={{ marginBottom: 4 }}>
          <Typography.Text type="secondary">{t('publish.assist.body')}</Typography.Text>
          <CopyButton
            label={t('publish.assist.copyRich')}
            text={bundle.body_text}
            html={bundle.body_html}
            testId="assist-copy-rich"
          />
          <CopyButton
            label={t('publish.assist.copyText')}
            text={bundle.body_text}
            testId="assist-copy-text"
          />
        </Space>
        {/* The body as it will paste; a sandboxed frame runs nothing from it. */}
        <iframe
          title={t('publish.assist.body')}
          sandbox="allow-same-origin"
          srcDoc={`<!doctype html><meta charset="utf-8"><style>body{font:14px/1.7 -apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:8px;color:#222}img{max-width:100%}</style>${bundle.body_html}`}
          style={{ width: '100%', height: 260, border: '1px solid #eee', borderRadius: 6 }}
          data-testid="assist-body"
        />
      </div>
      {bundle.tags.length ? (
        <Space wrap>
          <Typography.Text type="secondary">{t('publish.assist.tags')}</Typography.Text>
          <Typography.Text data-testid="assist-tags">{bundle.tags_text}</Typography.Text>
          <CopyButton
            label={t('publish.assist.copyTags')}
            text={bundle.tags_text}
            testId="assist-copy-tags"
          />
        </Space>
      ) : null}
      {bundle.files.length ? (
        <div>
          <Typography.Text type="secondary">{t('publish.assist.files')}</Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 4 }}>
            {bundle.files.map((f) => (
              <FileCard key={f.name} file={f} />
            ))}
          </div>
        </div>
      ) : null}
      <div>
        <Typography.Text type="secondary">{t('publish.assist.steps')}</Typography.Text>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={bundle.checklist.map((item) => ({ label: item, value: item }))}
        />
      </div>
      <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
        <Input
          placeholder={t('publish.assist.urlHint')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          data-testid="assist-url"
        />
        <Button
          type="primary"
          disabled={!url.trim()}
          loading={busy}
          onClick={() => void complete()}
          data-testid="assist-published"
        >
          {t('publish.assist.published')}
        </Button>
      </Space.Compact>
    </Space>
  );
}

/** The assist bundle of a job waiting for the person (辅助发布). */
export function AssistPanel({ job }: { job: PublishJob }) {
  const { t } = useI18n();
  const bundle = useQuery({
    queryKey: ['publish-assist', job.id, job.attempt_count],
    queryFn: () => publishApi.assist(job.id),
  });
  return (
    <Alert
      type="warning"
      showIcon
      title={t('publish.assistTitle')}
      data-testid="assist-checklist"
      description={
        <div>
          <Typography.Paragraph>{job.action?.message}</Typography.Paragraph>
          <QueryState query={bundle} feature={t('publish.assistTitle')}>
            {(data) => <Bundle job={job} bundle={data} />}
          </QueryState>
        </div>
      }
    />
  );
}
