import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Radio,
  Select,
  Tabs,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Work } from '../../api/library.ts';
import type { Page } from '../../api/lists.ts';
import { publishApi, type PublishJob } from '../../api/publish.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePlatformName } from '../../lib/use-platform-name.ts';
import { useSubmitting } from '../../lib/use-submitting.ts';
import { useMatrix } from './matrix.tsx';
import {
  VersionEditor,
  versionProblems,
  type PlatformVersionView,
  type VersionEdit,
} from './version-editor.tsx';

interface Values {
  works: string[];
  to: string[];
  when: 'now' | 'at';
  at?: Dayjs;
  spacing_minutes?: number;
}

/** The edited fields only: the server formats the rest the same way it showed them. */
function editsPayload(edits: Record<string, VersionEdit>, platforms: string[]) {
  const out: Record<string, VersionEdit> = {};
  for (const p of platforms) {
    const changed = Object.fromEntries(
      Object.entries(edits[p] ?? {}).filter(([, v]) => v !== undefined),
    ) as VersionEdit;
    if (Object.keys(changed).length > 0) out[p] = changed;
  }
  return out;
}

/**
 * Works × accounts, now or at a time, with spacing between the jobs of a batch.
 * With one work, each platform's version (the creation run's, else the work
 * formatted) is shown and editable, limits counted live; what is shown is sent.
 */
export function PublishDialog({
  open,
  onClose,
  workIds = [],
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  workIds?: string[];
  onCreated?: (jobs: PublishJob[]) => void;
}) {
  const { t } = useI18n();
  const platformName = usePlatformName();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const when = Form.useWatch('when', form);
  const { busy, error, run } = useSubmitting();
  const works = useQuery({
    queryKey: ['/api/works', { limit: 100 }],
    queryFn: () => api<Page<Work>>('/api/works', { query: { limit: 100 } }),
    enabled: open,
  });
  const accounts = useQuery({ queryKey: ['publish-accounts'], queryFn: publishApi.accounts, enabled: open });
  const matrix = useMatrix(open);
  const chosenWorks = Form.useWatch('works', form) ?? workIds;
  const chosenAccounts = Form.useWatch('to', form);
  const workId = chosenWorks.length === 1 ? chosenWorks[0] : undefined;
  const platforms = useMemo(() => {
    const byId = new Map((accounts.data?.accounts ?? []).map((a) => [a.id, a.platform]));
    return [
      ...new Set(
        (chosenAccounts ?? []).map((id) => byId.get(id)).filter((p): p is string => p !== undefined),
      ),
    ].sort();
  }, [accounts.data, chosenAccounts]);
  const versions = useQuery({
    queryKey: ['publish-versions', workId, platforms.join(',')],
    queryFn: () => publishApi.versions(workId!, platforms),
    enabled: open && workId !== undefined && platforms.length > 0,
  });
  // Edits belong to the work they were made on: another work starts from its own versions.
  const [editsOf, setEditsOf] = useState<{ workId?: string; byPlatform: Record<string, VersionEdit> }>({
    byPlatform: {},
  });
  const edits = editsOf.workId === workId ? editsOf.byPlatform : {};
  const setEdit = (platform: string, edit: VersionEdit) =>
    setEditsOf({ workId, byPlatform: { ...edits, [platform]: edit } });
  const [tab, setTab] = useState<string>();
  const [blocked, setBlocked] = useState<string[]>([]);
  const close = () => {
    setEditsOf({ byPlatform: {} });
    setBlocked([]);
    onClose();
  };
  const shown: PlatformVersionView[] = workId && platforms.length > 0 ? (versions.data?.versions ?? []) : [];

  const submit = async () => {
    let values: Awaited<ReturnType<typeof form.validateFields>>;
    try {
      values = await form.validateFields();
    } catch {
      return; // The form marks what is missing; nothing to send yet.
    }
    const single = values.works.length === 1;
    const over = single ? shown.filter((v) => versionProblems(v, edits[v.platform]).length > 0) : [];
    setBlocked(over.map((v) => platformName(v.platform)));
    if (over.length > 0) {
      setTab(over[0]!.platform);
      return;
    }
    await run(async () => {
      const result = await publishApi.create({
        works: values.works,
        to: values.to,
        versions: single ? editsPayload(edits, platforms) : undefined,
        at: values.when === 'at' && values.at ? values.at.toISOString() : undefined,
        spacing_seconds: values.spacing_minutes ? Math.round(values.spacing_minutes * 60) : undefined,
      });
      void message.success(t('publish.created', { count: result.jobs.length }));
      await queryClient.invalidateQueries({ queryKey: ['publish-jobs'] });
      onCreated?.(result.jobs);
      close();
    });
  };

  return (
    <Modal
      open={open}
      title={t('publish.publish')}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('publish.publish')}
      confirmLoading={busy}
      destroyOnHidden
      width={workId && platforms.length > 0 ? 820 : 560}
      data-testid="publish-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ works: workIds, to: [], when: 'now' }}
        preserve={false}
      >
        <Form.Item
          name="works"
          label={t('publish.works')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select
            mode="multiple"
            loading={works.isPending}
            data-testid="publish-works"
            optionFilterProp="label"
            options={(works.data?.items ?? []).map((w) => ({ value: w.id, label: w.title }))}
          />
        </Form.Item>
        {matrix.groups.length > 0 ? (
          <Form.Item label={t('matrix.pickGroup')} extra={t('matrix.pickGroupHint')}>
            <Select
              mode="multiple"
              value={[]}
              placeholder={t('matrix.pickGroup')}
              data-testid="publish-groups"
              options={matrix.groups.map((g) => ({
                value: g.id,
                label: `${g.name}（${g.account_ids.length}）`,
              }))}
              onSelect={(groupId: string) => {
                // Only the group's accounts this member may publish with; the rest of the selection stays.
                const group = matrix.groups.find((g) => g.id === groupId);
                const usable = (group?.account_ids ?? []).filter(
                  (id) => matrix.health.get(id)?.may_publish !== false,
                );
                form.setFieldValue('to', [...new Set([...(form.getFieldValue('to') ?? []), ...usable])]);
              }}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="to"
          label={t('publish.accounts')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select
            mode="multiple"
            loading={accounts.isPending}
            data-testid="publish-accounts"
            optionFilterProp="label"
            options={(accounts.data?.accounts ?? []).map((a) => {
              const forbidden = matrix.health.get(a.id)?.may_publish === false;
              return {
                value: a.id,
                disabled: forbidden,
                label: `${a.name} · ${platformName(a.platform)}${a.login_status === 'expired' ? ` (${t('publish.login.expired')})` : ''}${forbidden ? t('matrix.forbiddenSuffix') : ''}`,
              };
            })}
          />
        </Form.Item>
        <Form.Item name="when" label={t('publish.when')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'now', label: t('publish.now') },
              { value: 'at', label: t('publish.at') },
            ]}
          />
        </Form.Item>
        {when === 'at' ? (
          <Form.Item name="at" rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="spacing_minutes" label={t('publish.spacing')} extra={t('publish.spacingHint')}>
          <InputNumber min={0} max={1440} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('publishEdit.heading')}
      </Typography.Title>
      {!workId ? (
        <Typography.Paragraph type="secondary">{t('publishEdit.oneWork')}</Typography.Paragraph>
      ) : platforms.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('publishEdit.pickAccounts')}</Typography.Paragraph>
      ) : versions.isError ? (
        <ProblemAlert error={versions.error} />
      ) : (
        <div data-testid="publish-versions">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('publishEdit.hint')}
          </Typography.Paragraph>
          <Tabs
            size="small"
            activeKey={tab && shown.some((v) => v.platform === tab) ? tab : shown[0]?.platform}
            onChange={setTab}
            items={shown.map((v) => ({
              key: v.platform,
              label: (
                <Badge dot={versionProblems(v, edits[v.platform]).length > 0} offset={[4, 0]}>
                  <span data-testid="version-tab" data-platform={v.platform}>
                    {platformName(v.platform)}
                  </span>
                </Badge>
              ),
              children: (
                <VersionEditor
                  version={v}
                  edit={edits[v.platform] ?? {}}
                  onChange={(edit) => setEdit(v.platform, edit)}
                />
              ),
            }))}
          />
        </div>
      )}
      {blocked.length > 0 && shown.some((v) => versionProblems(v, edits[v.platform]).length > 0) ? (
        <Alert
          type="error"
          showIcon
          message={t('publishEdit.blocked', { platforms: blocked.join('、') })}
          data-testid="publish-blocked"
          style={{ marginTop: 8 }}
        />
      ) : null}
      {works.isError ? <ProblemAlert error={works.error} /> : null}
      {accounts.isError ? <ProblemAlert error={accounts.error} /> : null}
      {error ? <ProblemAlert error={error} /> : null}
    </Modal>
  );
}
