import { api } from './client.ts';
import type { ApiBody, ApiResponse } from './schema.ts';

/** 提醒 and 通知: the HTTP contract of apps/server/src/alerts. */
export type AlertChannel = ApiResponse<'/api/alerts/channels'>['items'][number];
export type AlertChannelInput = ApiBody<'/api/alerts/channels'>;
export type AlertRule = ApiResponse<'/api/alerts/rules'>['items'][number];
export type AlertRuleInput = ApiBody<'/api/alerts/rules'>;
export type AlertDigest = ApiResponse<'/api/alerts/digests'>['items'][number];
export type AlertDelivery = AlertDigest['deliveries'][number];
export type CheckResult = ApiResponse<'/api/alerts/check', 'post'>;
export type NotificationList = ApiResponse<'/api/notifications'>;
export type AppNotification = NotificationList['items'][number];

const enc = encodeURIComponent;

export const alertsApi = {
  channels: () => api<{ items: AlertChannel[] }>('/api/alerts/channels'),
  addChannel: (body: AlertChannelInput) => api<AlertChannel>('/api/alerts/channels', { body }),
  removeChannel: (id: string) => api<void>(`/api/alerts/channels/${enc(id)}`, { method: 'DELETE' }),
  testChannel: (id: string) => api<AlertDelivery>(`/api/alerts/channels/${enc(id)}/test`, { method: 'POST', body: {} }),
  rules: () => api<{ items: AlertRule[] }>('/api/alerts/rules'),
  addRule: (body: AlertRuleInput) => api<AlertRule>('/api/alerts/rules', { body }),
  saveRule: (id: string, body: AlertRuleInput) => api<AlertRule>(`/api/alerts/rules/${enc(id)}`, { method: 'PUT', body }),
  removeRule: (id: string) => api<void>(`/api/alerts/rules/${enc(id)}`, { method: 'DELETE' }),
  check: () => api<CheckResult>('/api/alerts/check', { method: 'POST', body: {} }),
  digests: () => api<{ items: AlertDigest[] }>('/api/alerts/digests'),
};

export const notificationsApi = {
  list: () => api<NotificationList>('/api/notifications', { query: { limit: 30 } }),
  markRead: (ids?: string[]) => api<{ marked: number }>('/api/notifications/read', { body: ids ? { ids } : {} }),
};
