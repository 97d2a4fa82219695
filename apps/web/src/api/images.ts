import { api } from './client.ts';
import type { ApiBody, ApiResponse } from './schema.ts';

/** An image service of the workspace (the API masks its key). */
export type ImageProvider = ApiResponse<'/api/images/providers'>['providers'][number];
export type ImageProviderKind = ImageProvider['kind'];
export type ImageProviderInput = ApiBody<'/api/images/providers'>;

export const imagesApi = {
  providers: () => api<ApiResponse<'/api/images/providers'>>('/api/images/providers'),
  addProvider: (input: ImageProviderInput) => api<ImageProvider>('/api/images/providers', { body: input }),
  removeProvider: (name: string) => api(`/api/images/providers/${encodeURIComponent(name)}`, { method: 'DELETE' }),
};

/** Where each kind usually lives, to pre-fill the form. */
export const IMAGE_KIND_DEFAULTS: Record<ImageProviderKind, { base_url: string; model?: string }> = {
  comfyui: { base_url: 'http://127.0.0.1:8188' },
  siliconflow: { base_url: 'https://api.siliconflow.cn/v1', model: 'Kwai-Kolors/Kolors' },
  openai: { base_url: 'https://api.openai.com/v1', model: 'gpt-image-1' },
};
