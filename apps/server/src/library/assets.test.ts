import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from '@creatorflow/library/testing/support';
import { mp4Fixture, pngFixture } from '@creatorflow/library/testing/fixtures';
import { createTestServer, type TestServer } from '../testing/harness.ts';

/** A multipart body as a browser would send it. */
async function multipart(name: string, bytes: Buffer, type = 'application/octet-stream'): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

describe('assets API (local mode)', () => {
  let server: TestServer;
  const send = async (name: string, bytes: Buffer, type?: string, query = '') => {
    const { body, contentType } = await multipart(name, bytes, type);
    return server.app.inject({ method: 'POST', url: `/api/assets${query}`, headers: { ...server.localHeaders, 'content-type': contentType }, payload: body });
  };
  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers: { ...server.localHeaders, ...headers } });

  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it('uploads an image, then answers the same bytes with the existing asset', async () => {
    const png = await pngFixture(640, 480);
    const first = await send('cover.png', png, 'image/png', '?tags=封面,小红书');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ deduplicated: false, asset: { type: 'image', width: 640, height: 480, tags: ['封面', '小红书'], has_thumbnail: true } });
    expect(first.json().asset.uri).toMatch(/^asset:\/\/local\/image\/[0-9a-f-]{36}$/);
    const again = await send('same-bytes.png', png, 'image/png');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ deduplicated: true, asset: { id: first.json().asset.id } });
    const thumb = await get(first.json().asset.thumbnail_url);
    expect(thumb.headers['content-type']).toBe('image/webp');
  });

  it('refuses an HTML file named .png with 415 problem+json that says why', async () => {
    const res = await send('avatar.png', Buffer.from('<!DOCTYPE html><script>alert(document.cookie)</script>'), 'image/png');
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'ASSET_TYPE_MISMATCH', claimed: 'png' });
    expect(res.json().detail).toContain('named like a .png file but its content is HTML/SVG/script text');
  });

  it('serves video byte ranges with 206 and refuses impossible ranges with 416', async () => {
    const bytes = mp4Fixture({ seconds: 3, width: 720, height: 1280 });
    const asset = (await send('clip.mp4', bytes, 'video/mp4')).json().asset;
    expect(asset).toMatchObject({ type: 'video', duration_ms: 3000, width: 720, height: 1280 });
    const part = await get(asset.content_url, { range: 'bytes=4-11' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${bytes.length}`);
    expect(part.headers['accept-ranges']).toBe('bytes');
    expect(part.rawPayload.toString('latin1')).toBe('ftypisom');
    const tail = await get(asset.content_url, { range: 'bytes=-4' });
    expect(tail.rawPayload.equals(bytes.subarray(bytes.length - 4))).toBe(true);
    const whole = await get(asset.content_url);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(bytes)).toBe(true);
    const beyond = await get(asset.content_url, { range: `bytes=${bytes.length}-` });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${bytes.length}`);
  });

  it('resolves its own asset URIs', async () => {
    const asset = (await send('r.png', await pngFixture(8, 8, { r: 5, g: 5, b: 5 }))).json().asset;
    const res = await get(`/api/assets/resolve?uri=${encodeURIComponent(asset.uri)}`);
    expect(res.json()).toMatchObject({ id: asset.id, name: 'r.png' });
  });

  it('answers 404 for every asset route, URI included, when the asset belongs to another workspace', async () => {
    const foreign = await seedWorkspace(server.ctx.database, '别人的工作区');
    const { asset } = await server.ctx.library.assets.upload(foreign, { name: 'secret.png', stream: Readable.from([await pngFixture(12, 12, { r: 1, g: 1, b: 1 })]) });
    const id = asset.id;
    for (const [method, url] of [
      ['GET', `/api/assets/${id}`],
      ['GET', `/api/assets/${id}/content`],
      ['GET', `/api/assets/${id}/thumbnail`],
      ['PATCH', `/api/assets/${id}`],
      ['DELETE', `/api/assets/${id}`],
      ['GET', `/api/assets/resolve?uri=${encodeURIComponent(asset.uri)}`],
    ] as const) {
      const res = await server.app.inject({ method, url, headers: server.localHeaders, ...(method === 'PATCH' ? { payload: { tags: ['x'] } } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = (await get('/api/assets?limit=100')).json();
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('asks for multipart when the upload is JSON', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/assets', headers: server.localHeaders, payload: { file: 'x' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UPLOAD_NOT_MULTIPART');
  });
});
