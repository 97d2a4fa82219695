import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { notificationsApi, type AppNotification } from '../api/alerts.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { shortTime } from '../lib/time.ts';

const KEY = ['notifications'];

/** 通知: alert digests and weekly reports, with the unread count on the bell; opening one marks it read. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: KEY, queryFn: notificationsApi.list, refetchInterval: 60_000, retry: false });
  const unread = list.data?.unread ?? 0;
  const openOne = async (n: AppNotification) => {
    setOpen(false);
    if (!n.read_at) await notificationsApi.markRead([n.id]).catch(() => undefined);
    void client.invalidateQueries({ queryKey: KEY });
    if (n.link) void navigate(n.link);
  };
  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notifications">
      {(list.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflow: 'auto' }}
          dataSource={list.data?.items ?? []}
          renderItem={(n) => (
            <List.Item onClick={() => void openOne(n)} style={{ cursor: 'pointer', opacity: n.read_at ? 0.6 : 1 }} data-testid="notification">
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <Tag color={n.kind === 'alert' ? 'volcano' : 'purple'}>{t(`notifications.kind.${n.kind}` as MessageKey)}</Tag>
                  <Typography.Text strong={!n.read_at}>{n.title}</Typography.Text>
                </Space>
                {n.lines[0] ? <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{n.lines[0]}</Typography.Text> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{shortTime(n.created_at, locale)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {unread > 0 ? (
        <Button type="link" size="small" onClick={async () => { await notificationsApi.markRead().catch(() => undefined); void client.invalidateQueries({ queryKey: KEY }); }}>
          {t('notifications.markAll')}
        </Button>
      ) : null}
    </div>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={t('notifications.title')} content={content}>
      <Badge count={unread} size="small" offset={[-2, 2]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.title')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
