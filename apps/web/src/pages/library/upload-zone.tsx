import { AudioOutlined, CameraOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Progress, Space, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { uploadAsset } from '../../api/upload.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSystemInfo } from '../../api/system.ts';
import { formatBytes } from '../../lib/time.ts';

interface Upload {
  key: string;
  name: string;
  percent: number;
  status: 'active' | 'success' | 'exception';
}

/** Drag-and-drop (or pick, or capture on phones) uploads, each with its own progress bar. */
export function UploadZone() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const system = useSystemInfo();
  const maxBytes = system.data?.upload_max_bytes;
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const recorder = useRef<HTMLInputElement>(null);

  const update = (key: string, patch: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const start = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${crypto.randomUUID()}`;
      setUploads((list) => [...list, { key, name: file.name, percent: 0, status: 'active' }]);
      uploadAsset(file, (percent) => update(key, { percent }), [], maxBytes).promise.then(
        () => {
          update(key, { status: 'success', percent: 100 });
          void message.success(t('assets.uploaded', { name: file.name }));
          void queryClient.invalidateQueries({ queryKey: ['/api/assets'] });
          setTimeout(() => setUploads((list) => list.filter((u) => u.key !== key)), 2500);
        },
        (error: unknown) => {
          // The message says why; a red bar left behind would look like an upload still going.
          setUploads((list) => list.filter((u) => u.key !== key));
          notifyError(error);
        },
      );
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length > 0) start(event.dataTransfer.files);
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <div
        className={over ? 'cf-dropzone cf-dropzone-active' : 'cf-dropzone'}
        role="button"
        tabIndex={0}
        data-testid="dropzone"
        onClick={() => picker.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && picker.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <InboxOutlined style={{ fontSize: 36, color: 'var(--cf-accent)' }} />
        <div style={{ marginTop: 8, fontSize: 15 }}>{t('assets.drop')}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assets.dropHint', { size: maxBytes ? formatBytes(maxBytes) : '—' })}
        </Typography.Text>
      </div>
      <Space style={{ marginTop: 8 }} wrap>
        <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()}>
          {t('assets.capturePhoto')}
        </Button>
        <Button icon={<AudioOutlined />} onClick={() => recorder.current?.click()}>
          {t('assets.captureVoice')}
        </Button>
      </Space>
      <input ref={picker} type="file" multiple hidden data-testid="file-input" onChange={(e) => e.target.files && start(e.target.files)} />
      <input ref={camera} type="file" accept="image/*,video/*" capture="environment" hidden onChange={(e) => e.target.files && start(e.target.files)} />
      <input ref={recorder} type="file" accept="audio/*" capture hidden onChange={(e) => e.target.files && start(e.target.files)} />
      {uploads.map((u) => (
        <div key={u.key} style={{ marginTop: 8 }} data-testid="upload-progress">
          <Typography.Text style={{ fontSize: 12 }}>{t('assets.uploading', { name: u.name })}</Typography.Text>
          <Progress percent={u.percent} status={u.status} size="small" />
        </div>
      ))}
    </div>
  );
}
