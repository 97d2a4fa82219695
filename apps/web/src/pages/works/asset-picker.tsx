import { Modal } from 'antd';
import { useList } from '../../api/lists.ts';
import type { Asset } from '../../api/upload.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Picks an image from the asset library: for the body (`![name](asset://…)`) or as the cover. */
export function AssetPicker({ open, onClose, onPick, title }: { open: boolean; onClose: () => void; onPick: (asset: Asset) => void; title?: string }) {
  const { t } = useI18n();
  const images = useList<Asset>('/api/assets', { type: 'image' }, { enabled: open });
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={title ?? t('editor.insertAsset')} width={720}>
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
