import { SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ACTIVE_JOB, publishApi } from '../../api/publish.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccountsTab } from './accounts-tab.tsx';
import { CalendarTab } from './calendar-tab.tsx';
import { JobsTab } from './jobs-tab.tsx';
import { PublishDialog } from './publish-dialog.tsx';

function VaultBanner() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const vault = useQuery({ queryKey: ['publish-vault'], queryFn: publishApi.vault });
  if (!vault.data || vault.data.unlocked) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('publish.vaultLocked')}
      action={
        <Button size="small" onClick={() => navigate('/settings')}>
          {t('publish.vaultGo')}
        </Button>
      }
    />
  );
}

export default function PublishPage() {
  const { t } = useI18n();
  // The tab is in the address (?tab=jobs), so a reload or a shared link opens the same one.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'accounts';
  const setTab = (key: string) => setParams((p) => { p.set('tab', key); return p; }, { replace: true });
  const [publishing, setPublishing] = useState(false);
  const jobs = useQuery({
    queryKey: ['publish-jobs'],
    queryFn: () => publishApi.jobs(),
    // Poll while something is moving; idle lists stay quiet.
    refetchInterval: (query) =>
      query.state.data?.items.some((j) => ACTIVE_JOB.includes(j.status)) ? 2_000 : 15_000,
  });
  return (
    <>
      <PageHeader
        title={t('publish.title')}
        subtitle={t('publish.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => setPublishing(true)}
            data-testid="open-publish"
          >
            {t('publish.publish')}
          </Button>
        }
      />
      <VaultBanner />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'accounts', label: t('publish.tab.accounts'), children: <AccountsTab /> },
            {
              key: 'jobs',
              label: t('publish.tab.jobs'),
              children: (
                <QueryState query={jobs} feature={t('publish.tab.jobs')}>
                  {(data) => <JobsTab jobs={data.items} onPublish={() => setPublishing(true)} />}
                </QueryState>
              ),
            },
            {
              key: 'calendar',
              label: t('publish.tab.calendar'),
              children: (
                <QueryState query={jobs} feature={t('publish.tab.calendar')}>
                  {(data) => <CalendarTab jobs={data.items} />}
                </QueryState>
              ),
            },
          ]}
        />
      </Card>
      <PublishDialog
        open={publishing}
        onClose={() => setPublishing(false)}
        onCreated={() => setTab('jobs')}
      />
    </>
  );
}
