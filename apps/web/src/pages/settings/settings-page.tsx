import { Button, Card, Col, Descriptions, Row, Segmented, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { logout, useMe } from '../../api/auth.ts';
import { useHealth, useSystemInfo } from '../../api/system.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n, type Locale } from '../../i18n/i18n.tsx';
import { MembersCard } from './members-card.tsx';
import { VaultCard } from './vault-card.tsx';
import { MoneyCard } from './money-card.tsx';
import { CloudLinkCard } from './cloud-link-card.tsx';
import { SyncCard } from './sync-card.tsx';

export default function SettingsPage() {
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const health = useHealth();
  const system = useSystemInfo();
  const me = useMe();
  const cloud = health.data?.mode === 'cloud';
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('settings.language')} style={{ marginBottom: 16 }}>
            <Segmented<Locale>
              value={locale}
              onChange={setLocale}
              options={[
                { label: <span translate="no">简体中文</span>, value: 'zh-CN' },
                { label: <span translate="no">English</span>, value: 'en' },
              ]}
            />
          </Card>
          <MoneyCard />
          <VaultCard />
          {health.data && !cloud ? <CloudLinkCard /> : null}
          {health.data && !cloud ? <SyncCard /> : null}
          {cloud ? <MembersCard /> : null}
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('settings.system')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'mode', label: t('settings.mode'), children: health.data ? (cloud ? t('shell.cloudMode') : t('shell.localMode')) : '—' },
                { key: 'db', label: t('settings.database'), children: health.data?.db ? t(`settings.db.${health.data.db}`) : '—' },
                { key: 'version', label: t('settings.version'), children: health.data?.version ?? '—' },
                {
                  key: 'data',
                  label: t('settings.dataDir'),
                  children: cloud ? 'PostgreSQL' : system.data?.home ? <Typography.Text copyable code data-testid="data-dir" translate="no">{system.data.home}</Typography.Text> : system.isLoading ? '—' : t('settings.dataDirLocal'),
                },
                ...(system.data
                  ? [
                      { key: 'media', label: t('settings.media'), children: system.data.media === 's3' ? t('settings.mediaS3') : <Typography.Text code translate="no">{system.data.media}</Typography.Text> },
                      {
                        key: 'chromium',
                        label: t('settings.chromium'),
                        children: (
                          <span data-testid="chromium-status">
                            <Typography.Text code translate="no">{system.data.chromium.path}</Typography.Text>{' '}
                            {system.data.chromium.found ? <Tag color="green">{t('settings.chromiumFound')}</Tag> : <Tag color="red">{t('settings.chromiumMissing')}</Tag>}
                          </span>
                        ),
                      },
                      { key: 'node', label: 'Node.js', children: system.data.node },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card title={t('settings.account')}>
            {me.data ? (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('common.name'), children: me.data.user.name },
                  ...(me.data.user.email ? [{ key: 'email', label: t('account.email'), children: me.data.user.email }] : []),
                ]}
              />
            ) : null}
            {cloud ? (
              <Button
                danger
                onClick={() =>
                  void logout().then(() => {
                    navigate('/login');
                  })
                }
              >
                {t('shell.logout')}
              </Button>
            ) : (
              <>
                <Typography.Title level={5}>{t('settings.cloudLink')}</Typography.Title>
                <Typography.Paragraph type="secondary">{t('settings.cloudLinkDesc')}</Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
