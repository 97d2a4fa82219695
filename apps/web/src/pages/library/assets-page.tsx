import { AudioOutlined, DeleteOutlined, FileTextOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Popconfirm, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useList } from '../../api/lists.ts';
import type { Asset } from '../../api/upload.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatBytes } from '../../lib/time.ts';
import { LibrarySearch } from './library-search.tsx';
import { UploadZone } from './upload-zone.tsx';

const TYPES = ['image', 'video', 'audio', 'document'] as const;
const ICONS = { video: <VideoCameraOutlined />, audio: <AudioOutlined />, document: <FileTextOutlined />, image: <FileTextOutlined /> };

function AssetCard({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/api/assets'] });
  const patch = async (tags: string[]) => {
    try {
      await api(`/api/assets/${asset.id}`, { method: 'PATCH', body: { tags } });
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  const remove = async () => {
    try {
      await api(`/api/assets/${asset.id}`, { method: 'DELETE' });
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Card
      size="small"
      data-testid="asset-card"
      cover={
        asset.thumbnail_url ? (
          <img className="cf-thumb" src={asset.thumbnail_url} alt={asset.name} loading="lazy" />
        ) : (
          <div className="cf-thumb">{ICONS[asset.type]}</div>
        )
      }
      actions={[
        <Typography.Link key="open" href={asset.content_url} target="_blank" rel="noreferrer">
          {t('common.open')}
        </Typography.Link>,
        <Popconfirm key="delete" title={t('common.delete')} onConfirm={() => void remove()}>
          <DeleteOutlined />
        </Popconfirm>,
      ]}
    >
      <Typography.Text ellipsis style={{ display: 'block' }} title={asset.name}>
        {asset.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Tag variant="filled">{t(`assets.type.${asset.type}`)}</Tag>
        {formatBytes(asset.size)}
        {asset.width && asset.height ? ` · ${asset.width}×${asset.height}` : ''}
      </Typography.Text>
      <Select mode="tags" size="small" variant="borderless" value={asset.tags} onChange={(tags: string[]) => void patch(tags)} placeholder={t('common.tags')} style={{ width: '100%', marginTop: 4 }} open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} />
    </Card>
  );
}

export default function AssetsPage() {
  const { t } = useI18n();
  const [type, setType] = useState<(typeof TYPES)[number] | 'all'>('all');
  const list = useList<Asset>('/api/assets', { type: type === 'all' ? undefined : type });
  return (
    <>
      <PageHeader title={t('assets.title')} subtitle={t('assets.subtitle')} extra={<LibrarySearch />} />
      <UploadZone />
      <Segmented style={{ marginBottom: 12 }} value={type} onChange={setType} options={[{ value: 'all', label: t('common.all') }, ...TYPES.map((k) => ({ value: k, label: t(`assets.type.${k}`) }))]} />
      <QueryState query={list} feature={t('assets.title')}>
        {(page) =>
          page.items.length === 0 ? (
            <Card>
              <EmptyState title={t('assets.empty')} hint={t('assets.emptyHint')} />
            </Card>
          ) : (
            <div className="cf-grid cf-grid-small">
              {page.items.map((asset) => (
                <AssetCard key={asset.id} asset={asset} />
              ))}
            </div>
          )
        }
      </QueryState>
    </>
  );
}
