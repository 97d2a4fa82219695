import { api } from './client.ts';
import type { ApiResponse } from './schema.ts';

/** Local install: the cloud this workspace is linked to, or the sign-in in progress. */
export type CloudLinkState = ApiResponse<'/api/cloud/link'>;
/** Cloud: what a device sign-in code asks for. */
export type DeviceRequest = ApiResponse<'/api/auth/device/requests/{user_code}'>;

export const cloudLinkApi = {
  state: () => api<CloudLinkState>('/api/cloud/link'),
  start: (url: string) => api<CloudLinkState>('/api/cloud/link', { body: { url } }),
  unlink: () => api<{ revoked_on_cloud: boolean }>('/api/cloud/link', { method: 'DELETE' }),
  request: (code: string) => api<DeviceRequest>(`/api/auth/device/requests/${encodeURIComponent(code)}`),
  approve: (code: string, workspaceId: string) => api<DeviceRequest>(`/api/auth/device/requests/${encodeURIComponent(code)}/approve`, { body: { workspace_id: workspaceId } }),
  deny: (code: string) => api<DeviceRequest>(`/api/auth/device/requests/${encodeURIComponent(code)}/deny`, { body: {} }),
};
