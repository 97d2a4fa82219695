import { ApiOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Progress, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { opinionApi, type OpinionReport, type OpinionReportSummary, type OpinionStatus } from '../../api/opinion.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';

const STATUS_KEY = ['opinion-status'];
const LIST_KEY = ['opinion-reports'];

/** How to connect a BettaFish server, in the page (no command line): its address, checked before it is saved. */
function ConnectCard({ status }: { status: OpinionStatus }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const save = async (url: string | null) => {
    setBusy(true);
    try {
      client.setQueryData(STATUS_KEY, await opinionApi.connect(url));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  if (status.configured) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<ApiOutlined />}
        title={t('opinion.connected', { host: status.host ?? '' })}
        description={status.source === 'server' ? t('opinion.connectedByServer') : undefined}
        action={status.source === 'workspace' ? <Button size="small" loading={busy} onClick={() => void save(null)}>{t('opinion.disconnect')}</Button> : undefined}
        data-testid="opinion-connected"
      />
    );
  }
  return (
    <Card size="small" title={t('opinion.connectTitle')} data-testid="opinion-connect">
      <Typography.Paragraph>{t('opinion.connectIntro')}</Typography.Paragraph>
      <ol className="cf-steps-list">
        <li>{t('opinion.connectStep1')}</li>
        <li>{t('opinion.connectStep2')}</li>
        <li>{t('opinion.connectStep3')}</li>
      </ol>
      <Form layout="inline" onFinish={(v: { url: string }) => void save(v.url)} style={{ marginTop: 8 }}>
        <Form.Item name="url" rules={[{ required: true, message: t('opinion.addressRequired') }]} style={{ minWidth: 280, flex: 1 }}>
          <Input placeholder="http://127.0.0.1:5000" aria-label={t('opinion.address')} data-testid="opinion-url" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="opinion-connect-save">{t('opinion.connect')}</Button>
      </Form>
    </Card>
  );
}

const STEP_OF: Record<OpinionReport['stage'], number> = { searching: 0, generating: 1, completed: 2, failed: 2 };

function StageTag({ report }: { report: OpinionReportSummary }) {
  const { t } = useI18n();
  const color = { searching: 'processing', generating: 'processing', completed: 'success', failed: 'error' }[report.stage];
  return <Tag color={color}>{t(`opinion.stage.${report.stage}`)}</Tag>;
}

/** One report: BettaFish's three steps, its progress while it works (polled), then the report itself in a sandboxed frame. */
function ReportView({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['opinion-report', id],
    queryFn: async () => {
      const report = await opinionApi.get(id);
      if (report.stage === 'completed' || report.stage === 'failed') void client.invalidateQueries({ queryKey: LIST_KEY });
      return report;
    },
    refetchInterval: (q) => (q.state.data && (q.state.data.stage === 'completed' || q.state.data.stage === 'failed') ? false : 4000),
  });
  return (
    <QueryState query={query} feature={t('opinion.title')}>
      {(report) => (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="opinion-report">
          <Typography.Title level={5} style={{ margin: 0 }}>{t('opinion.reportTitle', { topic: report.topic })}</Typography.Title>
          <Steps
            size="small"
            current={STEP_OF[report.stage]}
            status={report.stage === 'failed' ? 'error' : report.stage === 'completed' ? 'finish' : 'process'}
            items={[{ title: t('opinion.step.search') }, { title: t('opinion.step.write') }, { title: t('opinion.step.done') }]}
          />
          {report.stage === 'searching' ? <Typography.Text type="secondary" data-testid="opinion-searching">{t('opinion.searchingHint')}</Typography.Text> : null}
          {report.stage === 'generating' ? <Progress percent={report.progress} status="active" data-testid="opinion-progress" /> : null}
          {report.stage !== 'failed' && report.error_code ? <Alert type="warning" showIcon title={t('opinion.retrying')} /> : null}
          {report.stage === 'failed' ? (
            <Alert type="error" showIcon title={errorMessage(report.error_code ?? 'BETTAFISH_REPORT_FAILED', locale) ?? t('opinion.stage.failed')} description={report.error_message ?? undefined} data-testid="opinion-failed" />
          ) : null}
          {report.stage === 'completed' && report.html ? (
            <>
              <Typography.Text type="secondary">{t('opinion.finishedAt', { time: shortTime(report.finished_at, locale) })}</Typography.Text>
              {/* BettaFish's HTML runs nowhere: an empty sandbox means no scripts, no forms and an origin of its own. */}
              <iframe title={t('opinion.reportTitle', { topic: report.topic })} sandbox="" srcDoc={report.html} style={{ width: '100%', height: 640, border: '1px solid var(--cf-border)', borderRadius: 8, background: '#fff' }} data-testid="opinion-frame" />
            </>
          ) : null}
        </Space>
      )}
    </QueryState>
  );
}

/** 舆情报告: a public-opinion report on a topic from BettaFish (全网声量、情感、观点), or how to connect one. */
export function OpinionTab({ initialTopic }: { initialTopic?: string }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: opinionApi.status });
  const list = useQuery({ queryKey: LIST_KEY, queryFn: opinionApi.list, enabled: !!status.data });
  const [selected, setSelected] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);
  const start = async (topic: string) => {
    setStarting(true);
    try {
      const report = await opinionApi.start(topic);
      await client.invalidateQueries({ queryKey: LIST_KEY });
      setSelected(report.id);
    } catch (error) {
      notifyError(error);
    } finally {
      setStarting(false);
    }
  };
  const current = selected ?? list.data?.items[0]?.id;
  return (
    <QueryState query={status} feature={t('opinion.title')}>
      {(s) => (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('opinion.intro')}</Typography.Paragraph>
          <ConnectCard status={s} />
          {s.configured ? (
            <Form layout="inline" initialValues={{ topic: initialTopic }} onFinish={(v: { topic: string }) => void start(v.topic.trim())}>
              <Form.Item name="topic" rules={[{ required: true, whitespace: true, message: t('opinion.topicRequired') }]} style={{ minWidth: 280, flex: 1 }}>
                <Input placeholder={t('opinion.topicPlaceholder')} aria-label={t('opinion.topic')} maxLength={200} data-testid="opinion-topic" />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<FileSearchOutlined />} loading={starting} data-testid="opinion-start">{t('opinion.start')}</Button>
            </Form>
          ) : null}
          {list.data && list.data.items.length > 0 ? (
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(200px, 280px) minmax(0, 1fr)', gap: 16 }} className="cf-opinion-grid">
              <List
                size="small"
                bordered
                dataSource={list.data.items}
                renderItem={(r) => (
                  <List.Item onClick={() => setSelected(r.id)} style={{ cursor: 'pointer', background: r.id === current ? 'var(--cf-bg)' : undefined }} data-testid="opinion-item">
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong ellipsis>{r.topic}</Typography.Text>
                      <Space size={4}><StageTag report={r} /><Typography.Text type="secondary">{shortTime(r.created_at, locale)}</Typography.Text></Space>
                    </Space>
                  </List.Item>
                )}
              />
              {current ? <ReportView key={current} id={current} /> : null}
            </div>
          ) : s.configured ? (
            <EmptyState title={t('opinion.empty')} hint={t('opinion.emptyHint')} />
          ) : null}
        </Space>
      )}
    </QueryState>
  );
}
