import { SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Grid, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { useNotifyError } from '../../components/notify.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { weekName } from '../../lib/week.ts';

type Weekly = ApiResponse<'/api/analytics/weekly'>;
type WeeklySent = ApiResponse<'/api/analytics/weekly/send', 'post'>;

/** 周报: this week's numbers, top posts with what the audience feels and asks, next week's cited topics; sent to the alert channels once a week. */
export function WeeklyDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const screens = Grid.useBreakpoint();
  const query = useQuery({ queryKey: ['analytics', 'weekly'], queryFn: () => api<Weekly>('/api/analytics/weekly'), enabled: open });
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      const result = await api<WeeklySent>('/api/analytics/weekly/send', { method: 'POST', body: {} });
      if (!result.sent) void message.info(t('weekly.alreadySent', { week: weekName(result.week, t) }));
      else if (result.deliveries.length === 0) void message.success(t('weekly.sentInApp'));
      else void message.success(t('weekly.sent', { ok: result.deliveries.filter((d) => d.ok).length, total: result.deliveries.length }));
      void client.invalidateQueries({ queryKey: ['notifications'] });
    } catch (error) {
      notifyError(error);
    } finally {
      setSending(false);
    }
  };
  return (
    <Drawer open={open} onClose={onClose} title={t('weekly.title')} size={screens.md === false ? '100%' : 620} placement={screens.md === false ? 'bottom' : 'right'} destroyOnHidden data-testid="weekly-drawer"
      extra={<Button type="primary" icon={<SendOutlined />} loading={sending} onClick={() => void send()} data-testid="weekly-send">{t('weekly.send')}</Button>}>
      <QueryState query={query} feature={t('weekly.title')}>
        {(r) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('weekly.hint', { week: weekName(r.week, t) })}</Typography.Text>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('weekly.numbers')}</Typography.Title>
            {r.platforms.length === 0 ? <Typography.Text type="secondary">{t('weekly.noNumbers')}</Typography.Text> : (
              <Descriptions size="small" bordered column={1}>
                {r.platforms.map((p) => (
                  <Descriptions.Item key={p.platform} label={p.platform_name}>
                    {t('weekly.platformLine', { views: p.views, interactions: p.interactions, followers: p.followers })}
                    {p.median_viral_score !== null ? ` · ${t('weekly.median', { score: Math.round(p.median_viral_score) })}` : ''}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
            <Typography.Title level={5} style={{ margin: 0 }}>{t('weekly.top')}</Typography.Title>
            <List
              size="small"
              locale={{ emptyText: t('weekly.noPosts') }}
              dataSource={r.top_posts}
              renderItem={(p, i) => (
                <List.Item data-testid="weekly-post">
                  <Space orientation="vertical" size={2}>
                    <Space wrap size={6}>
                      <Typography.Text strong>{i + 1}. {p.title}</Typography.Text>
                      {p.viral_score !== null ? <Tag color="volcano">{t('analytics.viralScore')} {Math.round(p.viral_score)}</Tag> : null}
                    </Space>
                    {p.sentiment ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('weekly.sentiment', { text: p.sentiment })}</Typography.Text> : null}
                    {p.questions.length ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('weekly.questions', { text: p.questions.join(' / ') })}</Typography.Text> : null}
                  </Space>
                </List.Item>
              )}
            />
            <Typography.Title level={5} style={{ margin: 0 }}>{t('weekly.next')}{r.topics_niche ? `（${r.topics_niche}）` : ''}</Typography.Title>
            {r.next_topics.length === 0 ? <Typography.Text type="secondary">{t('weekly.noTopics')}</Typography.Text> : (
              <List size="small" dataSource={r.next_topics} renderItem={(topic, i) => (
                <List.Item data-testid="weekly-topic"><Typography.Text>{i + 1}. {topic.topic}{topic.why_now ? ` — ${topic.why_now}` : ''}</Typography.Text></List.Item>
              )} />
            )}
          </Space>
        )}
      </QueryState>
    </Drawer>
  );
}
