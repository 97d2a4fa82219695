/** One image generation request, in the terms every provider understands. */
export interface ImageRequest {
  prompt: string;
  negativePrompt?: string;
  width: number;
  height: number;
  /** How many images; providers cap it. */
  count?: number;
  seed?: number;
  /** Provider-specific model or checkpoint name. */
  model?: string;
  /** ComfyUI: which shipped workflow template to run. */
  workflow?: string;
}

export interface GeneratedImage {
  data: Buffer;
  mediaType: string;
  width: number;
  height: number;
  seed?: number;
  provider: string;
  model?: string;
  revisedPrompt?: string;
}

export type ImageProgress =
  | { stage: 'submitted'; jobId: string }
  | { stage: 'queued'; jobId: string; position: number }
  | { stage: 'running'; jobId: string }
  | { stage: 'downloading'; jobId: string; count: number }
  | { stage: 'done'; jobId: string };

export interface GenerateOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImageProgress) => void;
}

/** Anything that turns a prompt into images: ComfyUI, OpenAI-compatible APIs, … */
export interface ImageProvider {
  readonly id: string;
  generate(request: ImageRequest, options?: GenerateOptions): Promise<GeneratedImage[]>;
}

/** Where generated images are kept (the library's assets on the server). */
export interface ImageStore {
  save(image: GeneratedImage, meta: { name: string; tags: string[] }): Promise<{ uri: string; id: string }>;
}
