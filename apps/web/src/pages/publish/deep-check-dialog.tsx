import { Alert, Button, Image, Modal, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { PublishAccount } from '../../api/publish.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

export type DeepCheck = ApiResponse<'/api/publish/accounts/{id}/deep-check', 'post'>;
type StepLine = DeepCheck['steps'][number];

const STATUS_COLOR: Record<StepLine['status'], string> = {
  ok: 'green',
  failed: 'red',
  skipped: 'default',
  unchecked: 'gold',
};

export const runDeepCheck = (accountId: string) =>
  api<DeepCheck>(`/api/publish/accounts/${accountId}/deep-check`, { body: {} });

/** The check itself, started from a click (the card's button or 重新检查). */
export function useDeepCheck(accountId: string, onChecked: () => void) {
  const notifyError = useNotifyError();
  const [report, setReport] = useState<DeepCheck>();
  const [running, setRunning] = useState(false);
  const check = async () => {
    setRunning(true);
    setReport(undefined);
    try {
      setReport(await runDeepCheck(accountId));
      onChecked();
    } catch (error) {
      notifyError(error);
    } finally {
      setRunning(false);
    }
  };
  return { report, running, check };
}

/**
 * 深度检查 of one account: the server opens the platform's editor with the
 * saved login and tries every step of the flow without publishing; the dialog
 * shows each step's result, which one no longer matches and the page there.
 */
export function DeepCheckDialog({
  account,
  open,
  onClose,
  state,
}: {
  account: PublishAccount;
  open: boolean;
  onClose: () => void;
  state: ReturnType<typeof useDeepCheck>;
}) {
  const { t } = useI18n();
  const { report, running, check } = state;

  const verdict = report
    ? report.ok
      ? { type: 'success' as const, text: t('deepCheck.ok') }
      : !report.logged_in
        ? { type: 'warning' as const, text: t('deepCheck.notLoggedIn') }
        : {
            type: 'error' as const,
            text: t('deepCheck.failed', {
              step: report.steps.find((s) => s.status === 'failed')?.name ?? t('deepCheck.editorStep'),
            }),
          }
    : undefined;

  return (
    <Modal
      open={open}
      title={t('deepCheck.title', { name: account.name })}
      onCancel={onClose}
      width={760}
      footer={[
        <Button key="again" onClick={() => void check()} loading={running}>
          {t('deepCheck.again')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
      destroyOnHidden
    >
      <div data-testid="deep-check-dialog">
        <Typography.Paragraph type="secondary">{t('deepCheck.intro')}</Typography.Paragraph>
        {running && (
          <div style={{ display: 'flex', gap: 12, alignItems: 'center', padding: '24px 0' }}>
            <Spin />
            <Typography.Text>{t('deepCheck.running')}</Typography.Text>
          </div>
        )}
        {report && verdict && (
          <>
            <Alert
              type={verdict.type}
              showIcon
              message={verdict.text}
              description={
                report.ok ? undefined : (
                  <>
                    {t('deepCheck.assistHint')}
                    {report.failed_step && (
                      <div>
                        <Typography.Text
                          code
                          style={{ fontSize: 12, wordBreak: 'break-all' }}
                          data-testid="deep-check-failed-step"
                        >
                          {report.failed_step}
                        </Typography.Text>
                      </div>
                    )}
                  </>
                )
              }
              data-testid="deep-check-verdict"
              style={{ marginBottom: 12 }}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('deepCheck.flow', {
                platform: account.name,
                version: report.flow_version,
                checked: report.checked,
              })}
            </Typography.Paragraph>
            <Table<StepLine>
              size="small"
              rowKey="index"
              pagination={false}
              dataSource={report.steps}
              scroll={{ x: true }}
              columns={[
                { title: t('deepCheck.col.step'), render: (_: unknown, s) => `${s.index}. ${s.name}` },
                {
                  title: t('deepCheck.col.selector'),
                  dataIndex: 'selector',
                  responsive: ['md'],
                  render: (v: string | null) =>
                    v ? (
                      <Typography.Text code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                        {v}
                      </Typography.Text>
                    ) : null,
                },
                {
                  title: t('deepCheck.col.status'),
                  dataIndex: 'status',
                  render: (v: StepLine['status']) => (
                    <Tag color={STATUS_COLOR[v]} data-testid={`deep-check-step-${v}`}>
                      {t(`deepCheck.status.${v}` as MessageKey)}
                    </Tag>
                  ),
                },
              ]}
            />
            {report.screenshot_url && (
              <div style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">{t('deepCheck.screenshot')}</Typography.Text>
                <div>
                  <Image
                    src={report.screenshot_url}
                    width={240}
                    alt={t('deepCheck.screenshot')}
                    data-testid="deep-check-screenshot"
                  />
                </div>
              </div>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
