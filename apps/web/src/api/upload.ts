import { authHeaders, newTraceId } from './client.ts';
import { ApiError, type Problem } from './errors.ts';
import { precheckUpload } from './upload-precheck.ts';
import type { ApiResponse } from './schema.ts';

/** A stored file of the asset library, as the API answers it. */
export type Asset = ApiResponse<'/api/assets/{id}'>;
type Uploaded = ApiResponse<'/api/assets', 'post', 201>;

/**
 * Uploads one file as multipart with upload progress (fetch has no upload
 * progress events, XMLHttpRequest does). Resolves the stored asset.
 */
export function uploadAsset(file: File, onProgress: (percent: number) => void, tags: string[] = [], maxBytes?: number): { promise: Promise<Uploaded>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  // A file whose size or first bytes already say no is refused before a byte is sent.
  const promise = precheckUpload(file, maxBytes).then(() => new Promise<Uploaded>((resolve, reject) => {
    const query = tags.length > 0 ? `?tags=${encodeURIComponent(tags.join(','))}` : '';
    xhr.open('POST', `/api/assets${query}`);
    const traceId = newTraceId();
    xhr.setRequestHeader('x-trace-id', traceId);
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as Uploaded);
      } else {
        const problem = (body ?? {}) as Partial<Problem>;
        reject(new ApiError({ ...problem, status: xhr.status, trace_id: problem.trace_id ?? xhr.getResponseHeader('x-trace-id') ?? traceId }));
      }
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', detail: 'upload failed', trace_id: traceId }));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  }));
  return { promise, abort: () => xhr.abort() };
}
