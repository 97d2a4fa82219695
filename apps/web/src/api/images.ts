import { api } from './client.ts';

export type ImageProviderKind = 'comfyui' | 'openai' | 'siliconflow';

/** An image service of the workspace (the API masks its key). */
export interface ImageProvider {
  id: string;
  name: string;
  kind: ImageProviderKind;
  baseUrl: string;
  model: string | null;
  workflow: string | null;
  apiKeyHint: string | null;
  isDefault: boolean;
}

export interface ImageProviderInput {
  name: string;
  kind: ImageProviderKind;
  baseUrl: string;
  model?: string;
  apiKey?: string;
  isDefault?: boolean;
}

export const imagesApi = {
  providers: () => api<{ providers: ImageProvider[] }>('/api/images/providers'),
  addProvider: (input: ImageProviderInput) => api<ImageProvider>('/api/images/providers', { body: input }),
  removeProvider: (name: string) => api(`/api/images/providers/${encodeURIComponent(name)}`, { method: 'DELETE' }),
};

/** Where each kind usually lives, to pre-fill the form. */
export const IMAGE_KIND_DEFAULTS: Record<ImageProviderKind, { baseUrl: string; model?: string }> = {
  comfyui: { baseUrl: 'http://127.0.0.1:8188' },
  siliconflow: { baseUrl: 'https://api.siliconflow.cn/v1', model: 'Kwai-Kolors/Kolors' },
  openai: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-image-1' },
};
