import { DeleteOutlined, ImportOutlined, LinkOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { KnowledgeSource } from '../../api/library.ts';
import { useList } from '../../api/lists.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';
import { useSubmitting } from '../../lib/use-submitting.ts';

const LIST = '/api/knowledge';

/** Import from a file, pasted text, or a page address (fetched by the server). */
function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const picker = useRef<HTMLInputElement>(null);
  const [content, setContent] = useState('');
  const [url, setUrl] = useState('');
  const submitting = useSubmitting();
  const { busy, error } = submitting;

  const run = (work: () => Promise<unknown>) =>
    submitting.run(async () => {
      await work();
      await queryClient.invalidateQueries({ queryKey: [LIST] });
      setContent('');
      setUrl('');
      onClose();
    });
  const importFile = (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return run(() => api(`${LIST}/files`, { body: form }));
  };
  // Pasted content wins; a link alone is fetched by the server.
  const importTyped = () => run(() => api(LIST, { body: content.trim() ? { kind: 'markdown', content } : { url: url.trim() } }));

  return (
    <Modal open={open} title={t('kb.importTitle')} onCancel={onClose} onOk={() => void importTyped()} okButtonProps={{ disabled: !content.trim() && !url.trim() }} confirmLoading={busy} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button icon={<ImportOutlined />} onClick={() => picker.current?.click()} loading={busy}>
          {t('kb.importFile')}
        </Button>
        <input ref={picker} type="file" accept=".md,.markdown,.txt,.html,.htm,.pdf,.docx" hidden data-testid="kb-file-input" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
        <Input.TextArea rows={6} value={content} onChange={(e) => setContent(e.target.value)} placeholder={t('kb.importPaste')} data-testid="kb-content" />
        <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t('kb.importUrl')} prefix={<LinkOutlined />} data-testid="kb-url" />
        {error ? <ProblemAlert error={error} /> : null}
      </Space>
    </Modal>
  );
}

export default function KnowledgePage() {
  const { t, locale } = useI18n();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [importing, setImporting] = useState(false);
  const list = useList<KnowledgeSource>(LIST);
  const remove = async (id: string) => {
    try {
      await api(`${LIST}/${encodeURIComponent(id)}`, { method: 'DELETE' });
      await queryClient.invalidateQueries({ queryKey: [LIST] });
    } catch (error) {
      notifyError(error);
    }
  };
  const importButton = (
    <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="kb-import">
      {t('kb.import')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('kb.title')} subtitle={t('kb.subtitle')} extra={importButton} />
      <QueryState query={list} feature={t('kb.title')}>
        {(page) =>
          page.items.length === 0 ? (
            <Card>
              <EmptyState title={t('kb.empty')} hint={t('kb.emptyHint')} action={importButton} />
            </Card>
          ) : (
            <div className="cf-grid">
              {page.items.map((source) => (
                <Card key={source.id} size="small" data-testid="kb-source">
                  <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                    <Typography.Text strong ellipsis title={source.title}>
                      {source.title}
                    </Typography.Text>
                    <Popconfirm title={t('common.delete')} onConfirm={() => void remove(source.id)}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Space>
                  <div style={{ fontSize: 12, color: 'var(--cf-text-secondary)', marginTop: 4 }}>
                    <Tag variant="filled">{source.kind}</Tag>
                    {t('kb.chunks', { count: source.chunk_count })} · {shortTime(source.created_at, locale)}
                  </div>
                  {source.url ? (
                    <Typography.Link href={source.url} target="_blank" rel="noreferrer" ellipsis style={{ fontSize: 12 }}>
                      {source.url}
                    </Typography.Link>
                  ) : null}
                </Card>
              ))}
            </div>
          )
        }
      </QueryState>
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
