import { ArrowLeftOutlined, CloseOutlined, HistoryOutlined, PictureOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Input, Result, Row, Select, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { WORK_STATUSES, assetContentUrl, type Work, type WorkStatus } from '../../api/library.ts';
import type { Asset } from '../../api/upload.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PLATFORMS } from '../../lib/platforms.ts';
import { getEntry, workEntryId } from '../../offline/outbox.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { PublishDialog } from '../publish/publish-dialog.tsx';
import { AssetPicker } from './asset-picker.tsx';
import { MarkdownEditor, appendBlock } from './markdown-editor.tsx';
import { PlatformPreview, type PreviewCover } from './platform-preview.tsx';
import { Publications } from './publications.tsx';
import { draftOf, useAutosave, type SaveState } from './use-autosave.ts';
import { VersionDrawer } from './version-drawer.tsx';

const SAVE_BADGE: Record<SaveState, 'success' | 'warning' | 'processing' | 'error'> = {
  saved: 'success',
  dirty: 'warning',
  saving: 'processing',
  offline: 'warning',
  conflict: 'error',
  error: 'error',
};

function Editor({ work }: { work: Work }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [pickingImage, setPickingImage] = useState(false);
  const [pickingCover, setPickingCover] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const onSaved = useCallback((saved: Work) => queryClient.setQueryData(['work', saved.id], saved), [queryClient]);
  const { draft, setDraft, version, state, conflict, error, save, reset } = useAutosave(work, onSaved);
  // The cover check reads the real cover: its size from the library (and its URI for the note preview).
  const coverId = draft.cover_asset_id;
  const coverAsset = useQuery({ queryKey: ['asset', coverId], queryFn: () => api<Asset>(`/api/assets/${encodeURIComponent(coverId!)}`), enabled: coverId !== null, staleTime: Infinity });
  const cover = useMemo<PreviewCover | undefined>(
    () => (coverId && coverAsset.data?.width && coverAsset.data.height ? { width: coverAsset.data.width, height: coverAsset.data.height, src: coverAsset.data.uri } : undefined),
    [coverId, coverAsset.data],
  );

  const stateLabel =
    state === 'saved'
      ? t('editor.saved', { version })
      : state === 'saving'
        ? t('editor.saving')
        : state === 'offline'
          ? t('editor.offline')
          : state === 'conflict'
            ? t('editor.conflictTitle')
            : t('editor.unsaved');

  return (
    <>
      <div className="cf-page-header">
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/works')} aria-label={t('common.back')} />
          <Badge status={SAVE_BADGE[state]} text={<span data-testid="save-state">{stateLabel}</span>} />
        </Space>
        <Space wrap>
          <Select<WorkStatus> value={draft.status} onChange={(status) => setDraft({ status })} style={{ width: 110 }} options={WORK_STATUSES.map((s) => ({ value: s, label: t(`works.status.${s}`) }))} />
          <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)} data-testid="open-history">
            {t('editor.history')}
          </Button>
          <Button icon={<SendOutlined />} onClick={() => { if (state === 'dirty') void save(); setPublishing(true); }} data-testid="publish-work">
            {t('publish.publish')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void save()} disabled={state === 'saved' || state === 'saving' || state === 'offline'} data-testid="save-now">
            {t('editor.saveNow')}
          </Button>
        </Space>
      </div>
      {error ? <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div> : null}
      {work.publications.length > 0 ? (
        <div style={{ marginBottom: 12 }}>
          <Publications work={work} />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card styles={{ body: { padding: 16 } }}>
            <Input
              value={draft.title}
              onChange={(e) => setDraft({ title: e.target.value })}
              placeholder={t('works.titlePlaceholder')}
              variant="borderless"
              data-testid="work-title"
              style={{ fontSize: 22, fontWeight: 600, padding: '4px 0', marginBottom: 8 }}
              maxLength={200}
            />
            <Space wrap style={{ marginBottom: 8, width: '100%' }}>
              <Select
                mode="tags"
                value={draft.tags}
                onChange={(tags: string[]) => setDraft({ tags })}
                placeholder={t('common.tags')}
                style={{ minWidth: 200 }}
                open={false}
                suffixIcon={null}
                tokenSeparators={[',', '，', ' ']}
              />
              <Space.Compact>
                <Button icon={<PictureOutlined />} onClick={() => setPickingCover(true)} data-testid="set-cover">
                  {draft.cover_asset_id ? (
                    <img className="cf-cover-thumb" src={assetContentUrl(draft.cover_asset_id)} alt={t('editor.cover')} data-testid="cover-thumb" />
                  ) : (
                    t('editor.setCover')
                  )}
                </Button>
                {draft.cover_asset_id ? <Button icon={<CloseOutlined />} onClick={() => setDraft({ cover_asset_id: null })} aria-label={t('editor.removeCover')} /> : null}
              </Space.Compact>
              <Select
                mode="multiple"
                value={draft.platforms}
                onChange={(platforms: string[]) => setDraft({ platforms })}
                placeholder={t('works.platforms')}
                style={{ minWidth: 240 }}
                options={PLATFORMS.map((p) => ({ value: p.id, label: locale === 'zh-CN' ? p.zh : p.en }))}
              />
            </Space>
            <MarkdownEditor value={draft.body} onChange={(body) => setDraft({ body })} onInsertImage={() => setPickingImage(true)} />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <PlatformPreview title={draft.title} markdown={draft.body} tags={draft.tags} platforms={draft.platforms} cover={cover} onCoverRendered={(id) => setDraft({ cover_asset_id: id })} />
        </Col>
      </Row>
      <PublishDialog open={publishing} onClose={() => setPublishing(false)} workIds={[work.id]} onCreated={() => navigate('/publish')} />
      <AssetPicker
        open={pickingImage}
        onClose={() => setPickingImage(false)}
        onPick={(asset) => {
          setDraft({ body: appendBlock(draft.body, `![${asset.name.replace(/[[\]]/g, '')}](${asset.uri})`) });
          setPickingImage(false);
        }}
      />
      <AssetPicker
        open={pickingCover}
        title={t('editor.pickCover')}
        onClose={() => setPickingCover(false)}
        onPick={(asset) => {
          setDraft({ cover_asset_id: asset.id });
          setPickingCover(false);
        }}
      />
      <ConflictDialog
        conflict={conflict}
        mine={draft.body}
        onKeepMine={() => void save(conflict!.current_version)}
        onTakeTheirs={() => reset({ ...draftOf({ ...work, ...conflict!.current }) }, conflict!.current_version)}
      />
      <VersionDrawer
        workId={work.id}
        currentVersion={version}
        open={historyOpen}
        onClose={() => setHistoryOpen(false)}
        onRestored={(restored) => {
          reset(draftOf(restored), restored.version);
          onSaved(restored);
          setHistoryOpen(false);
          void message.success(t('editor.restored', { version: restored.version }));
        }}
      />
    </>
  );
}

/** The work from the server; offline, the copy kept with a draft of it in the outbox, so the editor opens on the phone without a network. */
async function loadWork(workId: string): Promise<Work> {
  try {
    return await api<Work>(`/api/works/${encodeURIComponent(workId)}`);
  } catch (error) {
    if (!(ApiError.isInstance(error) && error.status === 0)) throw error;
    const kept = await getEntry(workEntryId(workId)).catch(() => undefined);
    if (kept?.snapshot) return kept.snapshot as unknown as Work;
    throw error;
  }
}

export default function WorkEditorPage() {
  const { t } = useI18n();
  const { workId = '' } = useParams();
  const navigate = useNavigate();
  // Loaded once per visit: later saves update the cache but must not remount the editor.
  // networkMode 'always': offline, the query still runs so loadWork can fall back to the draft kept on this device.
  const work = useQuery({ queryKey: ['work', workId], queryFn: () => loadWork(workId), staleTime: Infinity, networkMode: 'always' });
  if (work.isError && ApiError.isInstance(work.error) && work.error.status === 404 && !work.error.isRouteMissing) {
    return <Result status="404" title={t('editor.notFound')} extra={<Button onClick={() => navigate('/works')}>{t('common.back')}</Button>} />;
  }
  return (
    <QueryState query={work} feature={t('works.title')}>
      {(data) => <Editor key={data.id} work={data} />}
    </QueryState>
  );
}

