import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { cloudLinkApi, type DeviceRequest } from '../../api/cloud-link.ts';
import { useHealth } from '../../api/system.ts';
import { useWorkspaces } from '../../api/workspaces.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSubmitting } from '../../lib/use-submitting.ts';

/** 确认设备登录 (cloud): confirm the code a desktop shows, choosing the workspace it pairs with. */
export default function DevicePage() {
  const { t } = useI18n();
  const health = useHealth();
  const cloud = health.data?.mode === 'cloud';
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [typed, setTyped] = useState(code);
  const request = useQuery({ queryKey: ['device-request', code], queryFn: () => cloudLinkApi.request(code), enabled: cloud && code.length >= 8, retry: false });
  const workspaces = useWorkspaces(cloud);
  const [workspace, setWorkspace] = useState<string>();
  const [decided, setDecided] = useState<DeviceRequest>();
  const { busy, error, run } = useSubmitting();

  if (health.data && !cloud) return <Result status="info" title={t('device.title')} subTitle={t('device.localOnly')} />;
  const items = workspaces.data?.items ?? [];
  const chosen = workspace ?? items[0]?.id;
  const current = decided ?? request.data;

  return (
    <>
      <PageHeader title={t('device.title')} subtitle={t('device.desc')} />
      <Card style={{ maxWidth: 560 }}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Space.Compact style={{ width: '100%' }}>
            <Input value={typed} onChange={(e) => setTyped(e.target.value.toUpperCase())} placeholder={t('device.codePlaceholder')} aria-label={t('device.code')} data-testid="device-code" onPressEnter={() => setParams({ code: typed.trim() })} />
            <Button onClick={() => setParams({ code: typed.trim() })} disabled={typed.trim().length < 8}>
              {t('device.lookup')}
            </Button>
          </Space.Compact>
          {request.isError ? <ProblemAlert error={request.error} /> : null}
          {current ? (
            current.status === 'pending' ? (
              <>
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'code', label: t('device.code'), children: <Typography.Text strong>{current.user_code}</Typography.Text> },
                    { key: 'client', label: t('device.client'), children: current.client_name },
                  ]}
                />
                <div>
                  <Typography.Text>{t('device.workspace')}</Typography.Text>
                  <Select style={{ width: '100%', marginTop: 4 }} value={chosen} onChange={setWorkspace} options={items.map((w) => ({ value: w.id, label: w.name }))} data-testid="device-workspace" />
                </div>
                {error ? <ProblemAlert error={error} /> : null}
                <Space>
                  <Button type="primary" loading={busy} disabled={!chosen} onClick={() => void run(async () => setDecided(await cloudLinkApi.approve(current.user_code, chosen!)))} data-testid="device-approve">
                    {t('device.approve')}
                  </Button>
                  <Button danger disabled={busy} onClick={() => void run(async () => setDecided(await cloudLinkApi.deny(current.user_code)))}>
                    {t('device.deny')}
                  </Button>
                </Space>
              </>
            ) : (
              <Alert
                showIcon
                type={current.status === 'approved' ? 'success' : 'warning'}
                message={t(current.status === 'approved' ? 'device.approved' : current.status === 'denied' ? 'device.denied' : current.status === 'expired' ? 'device.expired' : 'device.used')}
                data-testid="device-result"
              />
            )
          ) : null}
        </Space>
      </Card>
    </>
  );
}
