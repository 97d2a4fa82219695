import { DeleteOutlined, PlusOutlined, SendOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Card, Col, Form, Input, InputNumber, List, Popconfirm, Row, Select, Space, Switch, Tag, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { alertsApi, type AlertChannel, type AlertDelivery, type AlertRule } from '../../api/alerts.ts';
import { trendsApi } from '../../api/trends.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { shortTime } from '../../lib/time.ts';

const KINDS = ['feishu', 'dingtalk', 'wecom', 'webhook', 'email'] as const;
const CHANNELS_KEY = ['alert-channels'];
const RULES_KEY = ['alert-rules'];
const DIGESTS_KEY = ['alert-digests'];

function DeliveryTags({ deliveries }: { deliveries: AlertDelivery[] }) {
  const { t, locale } = useI18n();
  if (deliveries.length === 0) return <Tag>{t('alerts.inAppOnly')}</Tag>;
  return (
    <Space size={4} wrap>
      {deliveries.map((d) => (
        <Tag key={d.channel_id} color={d.ok ? 'success' : 'error'} title={d.ok ? undefined : (errorMessage(d.error_code ?? 'ALERT_DELIVERY_FAILED', locale) ?? d.detail ?? '')} data-testid="delivery-tag">
          {d.channel_name} · {d.ok ? t('alerts.delivered') : t('alerts.notDelivered')}
          {d.attempts > 1 ? ` · ${t(d.ok ? 'alerts.deliveredAfter' : 'alerts.triedTimes', { n: d.attempts })}` : ''}
        </Tag>
      ))}
    </Space>
  );
}

function ChannelsCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const channels = useQuery({ queryKey: CHANNELS_KEY, queryFn: alertsApi.channels });
  const [form] = Form.useForm<{ name: string; kind: (typeof KINDS)[number]; url: string; secret?: string }>();
  const kind = Form.useWatch('kind', form);
  const [busy, setBusy] = useState(false);
  const add = async (v: { name: string; kind: (typeof KINDS)[number]; url: string; secret?: string }) => {
    setBusy(true);
    try {
      await alertsApi.addChannel({ name: v.name, kind: v.kind, url: v.url, secret: v.secret || null });
      form.resetFields();
      await client.invalidateQueries({ queryKey: CHANNELS_KEY });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const test = async (c: AlertChannel) => {
    try {
      const d = await alertsApi.testChannel(c.id);
      if (d.ok) void message.success(t('alerts.testSent', { name: c.name }));
      else void message.error(errorMessage(d.error_code ?? 'ALERT_DELIVERY_FAILED', locale) ?? t('alerts.notDelivered'));
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Card size="small" title={t('alerts.channels')} data-testid="alert-channels">
      <Typography.Paragraph type="secondary">{t('alerts.channelsHint')}</Typography.Paragraph>
      <QueryState query={channels} feature={t('alerts.channels')}>
        {(data) => (
          <List
            size="small"
            locale={{ emptyText: t('alerts.noChannels') }}
            dataSource={data.items}
            renderItem={(c) => (
              <List.Item
                data-testid="alert-channel"
                actions={[
                  <Button key="test" size="small" icon={<SendOutlined />} onClick={() => void test(c)}>{t('alerts.test')}</Button>,
                  <Popconfirm key="del" title={t('alerts.removeChannel')} onConfirm={async () => { await alertsApi.removeChannel(c.id).catch(notifyError); await client.invalidateQueries({ queryKey: CHANNELS_KEY }); }}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('alerts.removeChannel')} />
                  </Popconfirm>,
                ]}
              >
                <Space size={6} wrap>
                  <Tag color="blue">{t(`alerts.kind.${c.kind}` as MessageKey)}</Tag>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.target_hint}</Typography.Text>
                  {c.has_secret ? <Tag>{c.kind === 'email' ? t('alerts.smtpSet') : t('alerts.signed')}</Tag> : null}
                </Space>
              </List.Item>
            )}
          />
        )}
      </QueryState>
      <Form form={form} layout="vertical" onFinish={(v) => void add(v)} initialValues={{ kind: 'feishu' }} style={{ marginTop: 12 }}>
        <Row gutter={8}>
          <Col xs={24} sm={8}><Form.Item name="kind" label={t('alerts.kind')}><Select options={KINDS.map((k) => ({ value: k, label: t(`alerts.kind.${k}` as MessageKey) }))} data-testid="channel-kind" /></Form.Item></Col>
          <Col xs={24} sm={16}><Form.Item name="name" label={t('alerts.channelName')} rules={[{ required: true, message: t('alerts.channelNameRequired') }]}><Input maxLength={60} placeholder={t('alerts.channelNamePlaceholder')} data-testid="channel-name" /></Form.Item></Col>
        </Row>
        <Form.Item name="url" label={kind === 'email' ? t('alerts.recipients') : t('alerts.webhook')} extra={t(`alerts.webhookHint.${kind ?? 'feishu'}` as MessageKey)} rules={[{ required: true, message: t('alerts.webhookRequired') }]}>
          <Input placeholder={kind === 'email' ? 'mailto:editor@example.com' : 'https://'} data-testid="channel-url" />
        </Form.Item>
        {kind === 'feishu' || kind === 'dingtalk' ? (
          <Form.Item name="secret" label={t('alerts.secret')} extra={t('alerts.secretHint')}><Input.Password autoComplete="off" data-testid="channel-secret" /></Form.Item>
        ) : null}
        {kind === 'email' ? (
          <Form.Item name="secret" label={t('alerts.smtp')} extra={t('alerts.smtpHint')}><Input.Password autoComplete="off" placeholder="smtp://user:password@smtp.example.com:587?from=alerts@example.com" data-testid="channel-smtp" /></Form.Item>
        ) : null}
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="channel-add">{t('alerts.addChannel')}</Button>
      </Form>
    </Card>
  );
}

interface RuleForm {
  name: string;
  niche: string;
  top_n?: number | null;
  min_velocity?: number | null;
  use_window: boolean;
  window?: [dayjs.Dayjs, dayjs.Dayjs];
  channel_ids: string[];
}

function describeRule(r: AlertRule, t: ReturnType<typeof useI18n>['t']): string {
  const parts = [r.top_n ? t('alerts.ruleTop', { n: r.top_n }) : null, r.min_velocity ? t('alerts.ruleVelocity', { v: r.min_velocity }) : null].filter(Boolean);
  const when = r.window ? t('alerts.ruleWindow', { start: r.window.start, end: r.window.end }) : t('alerts.ruleAnytime');
  return `${parts.join(t('alerts.or'))} · ${when}`;
}

function RulesCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const rules = useQuery({ queryKey: RULES_KEY, queryFn: alertsApi.rules });
  const channels = useQuery({ queryKey: CHANNELS_KEY, queryFn: alertsApi.channels });
  const niches = useQuery({ queryKey: ['trend-niches'], queryFn: trendsApi.niches });
  const digests = useQuery({ queryKey: DIGESTS_KEY, queryFn: alertsApi.digests });
  const [form] = Form.useForm<RuleForm>();
  const useWindow = Form.useWatch('use_window', form);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const channelName = (id: string) => channels.data?.items.find((c) => c.id === id)?.name;
  const add = async (v: RuleForm) => {
    setBusy(true);
    try {
      await alertsApi.addRule({
        name: v.name, niche: v.niche, top_n: v.top_n ?? null, min_velocity: v.min_velocity ?? null, channel_ids: v.channel_ids ?? [], enabled: true,
        window: v.use_window && v.window ? { start: v.window[0].format('HH:mm'), end: v.window[1].format('HH:mm'), utc_offset_minutes: 480 } : null,
      });
      form.resetFields();
      await client.invalidateQueries({ queryKey: RULES_KEY });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const check = async () => {
    setChecking(true);
    try {
      const result = await alertsApi.check();
      void message.info(result.digests.length ? t('alerts.checkSent', { count: result.digests.length }) : t('alerts.checkNothing'));
      await Promise.all([client.invalidateQueries({ queryKey: DIGESTS_KEY }), client.invalidateQueries({ queryKey: ['notifications'] })]);
    } catch (error) {
      notifyError(error);
    } finally {
      setChecking(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('alerts.rules')} extra={<Button size="small" icon={<ThunderboltOutlined />} loading={checking} onClick={() => void check()} data-testid="alert-check">{t('alerts.checkNow')}</Button>} data-testid="alert-rules">
        <Typography.Paragraph type="secondary">{t('alerts.rulesHint')}</Typography.Paragraph>
        <QueryState query={rules} feature={t('alerts.rules')}>
          {(data) => (
            <List
              size="small"
              locale={{ emptyText: t('alerts.noRules') }}
              dataSource={data.items}
              renderItem={(r) => (
                <List.Item
                  data-testid="alert-rule"
                  actions={[
                    <Switch key="on" size="small" checked={r.enabled} aria-label={t('alerts.enabled')} onChange={async (enabled) => { await alertsApi.saveRule(r.id, { ...r, enabled }).catch(notifyError); await client.invalidateQueries({ queryKey: RULES_KEY }); }} />,
                    <Popconfirm key="del" title={t('alerts.removeRule')} onConfirm={async () => { await alertsApi.removeRule(r.id).catch(notifyError); await client.invalidateQueries({ queryKey: RULES_KEY }); }}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('alerts.removeRule')} />
                    </Popconfirm>,
                  ]}
                >
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{r.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{describeRule(r, t)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('alerts.sendTo')}{r.channel_ids.length ? r.channel_ids.map(channelName).filter(Boolean).join('、') : t('alerts.inAppOnly')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </QueryState>
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)} initialValues={{ use_window: true, window: [dayjs('08:00', 'HH:mm'), dayjs('22:00', 'HH:mm')], top_n: 10, channel_ids: [] }} style={{ marginTop: 12 }}>
          <Row gutter={8}>
            <Col xs={24} sm={10}><Form.Item name="name" label={t('alerts.ruleName')} rules={[{ required: true, message: t('alerts.ruleNameRequired') }]}><Input maxLength={60} placeholder={t('alerts.ruleNamePlaceholder')} data-testid="rule-name" /></Form.Item></Col>
            <Col xs={24} sm={14}>
              <Form.Item name="niche" label={t('alerts.niche')} extra={t('alerts.nicheHint')} rules={[{ required: true, message: t('alerts.nicheRequired') }]}>
                <AutoComplete options={(niches.data?.items ?? []).map((n) => ({ value: n.name }))} placeholder={t('alerts.nichePlaceholder')} data-testid="rule-niche" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={8}>
            <Col xs={12} sm={6}><Form.Item name="top_n" label={t('alerts.topN')}><InputNumber min={1} max={100} style={{ width: '100%' }} data-testid="rule-top" /></Form.Item></Col>
            <Col xs={12} sm={6}><Form.Item name="min_velocity" label={t('alerts.minVelocity')}><InputNumber min={0.1} max={1000} step={1} style={{ width: '100%' }} data-testid="rule-velocity" /></Form.Item></Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('alerts.window')} extra={t('alerts.windowHint')}>
                <Space>
                  <Form.Item name="use_window" valuePropName="checked" noStyle><Switch size="small" aria-label={t('alerts.window')} /></Form.Item>
                  {useWindow ? <Form.Item name="window" noStyle><TimePicker.RangePicker format="HH:mm" minuteStep={15} order={false} allowClear={false} /></Form.Item> : <Typography.Text type="secondary">{t('alerts.ruleAnytime')}</Typography.Text>}
                </Space>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="channel_ids" label={t('alerts.sendToLabel')} extra={t('alerts.inAppAlways')}>
            <Select mode="multiple" allowClear options={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} placeholder={t('alerts.inAppOnly')} data-testid="rule-channels" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="rule-add">{t('alerts.addRule')}</Button>
        </Form>
      </Card>
      <Card size="small" title={t('alerts.digests')}>
        <QueryState query={digests} feature={t('alerts.digests')}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('alerts.noDigests')} hint={t('alerts.noDigestsHint')} />
            ) : (
              <List
                size="small"
                dataSource={data.items}
                renderItem={(d) => (
                  <List.Item data-testid="alert-digest">
                    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                      <Space wrap size={6}><Typography.Text strong>{d.title}</Typography.Text><Typography.Text type="secondary">{shortTime(d.created_at, locale)}</Typography.Text></Space>
                      {d.lines.slice(0, 3).map((line) => <Typography.Text key={line} type="secondary" ellipsis style={{ fontSize: 12 }}>{line}</Typography.Text>)}
                      <DeliveryTags deliveries={d.deliveries} />
                    </Space>
                  </List.Item>
                )}
              />
            )
          }
        </QueryState>
      </Card>
    </Space>
  );
}

/** 提醒: where alerts go (group bots, webhooks), what trips them (rules with push windows), and what was sent. */
export function AlertsTab() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}><RulesCard /></Col>
      <Col xs={24} lg={10}><ChannelsCard /></Col>
    </Row>
  );
}
