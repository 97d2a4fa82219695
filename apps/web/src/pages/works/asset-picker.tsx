import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Progress, Upload } from 'antd';
import { useState } from 'react';
import { useList } from '../../api/lists.ts';
import { uploadAsset, type Asset } from '../../api/upload.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Picks an image from the asset library — or uploads one from this device
 * into it — for the body (`![name](asset://…)`) or as the cover; with
 * `type="video"` a video (the file a video platform publishes).
 */
export function AssetPicker({ open, onClose, onPick, title, type = 'image' }: { open: boolean; onClose: () => void; onPick: (asset: Asset) => void; title?: string; type?: 'image' | 'video' }) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number>();
  const images = useList<Asset>('/api/assets', { type }, { enabled: open });
  const upload = async (file: File) => {
    setProgress(0);
    try {
      const { asset } = await uploadAsset(file, setProgress).promise;
      await queryClient.invalidateQueries({ queryKey: ['/api/assets'] });
      onPick(asset);
    } catch (error) {
      notifyError(error);
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={title ?? t('editor.insertAsset')} width={720}>
      <div style={{ marginBottom: 12 }} data-testid="picker-upload">
        <Upload accept={`${type}/*`} showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
          <Button icon={<UploadOutlined />} loading={progress !== undefined}>
            {type === 'video' ? t('editor.uploadVideo') : t('editor.uploadImage')}
          </Button>
        </Upload>
        {progress !== undefined ? <Progress percent={progress} size="small" style={{ marginTop: 8 }} /> : null}
      </div>
      <QueryState query={images} feature={t('assets.title')}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('assets.empty')} hint={t('assets.emptyHint')} />
          ) : (
            <div className="cf-grid cf-grid-small">
              {page.items.map((asset) => (
                <button key={asset.id} type="button" className="cf-search-hit" data-testid="asset-option" onClick={() => onPick(asset)} title={asset.name}>
                  {asset.thumbnail_url ? <img className="cf-thumb" src={asset.thumbnail_url} alt={asset.name} /> : null}
                  <div style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{asset.name}</div>
                </button>
              ))}
            </div>
          )
        }
      </QueryState>
    </Modal>
  );
}
