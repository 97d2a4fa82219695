import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { startGatewayFixture, type GatewayFixture } from '../testing/gateway-fixture.ts';

describe('LLM gateway over HTTP with the official SDKs', () => {
  let f: GatewayFixture;
  let key: string;
  let openai: OpenAI;
  let anthropic: Anthropic;
  beforeAll(async () => {
    f = await startGatewayFixture();
    key = await f.createKey();
    openai = new OpenAI({ baseURL: `${f.url}/v1`, apiKey: key, maxRetries: 0 });
    anthropic = new Anthropic({ baseURL: f.url, apiKey: key, maxRetries: 0 });
  }, 240_000);
  afterAll(() => f.close());
  beforeEach(() => f.fake.reset());

  it('answers the openai client and sends the upstream its own key', async () => {
    f.fake.script('gpt-x', [{ text: '你好，创作者' }]);
    const reply = await openai.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
    expect(reply.choices[0]!.message.content).toBe('你好，创作者');
    expect(f.fake.requests[0]!.headers.authorization).toBe('Bearer upstream-key-oa');
    expect(f.fake.requests[0]!.body.model).toBe('gpt-x');
  });

  it('passes a same-format stream through byte for byte', async () => {
    f.fake.script('gpt-x', [{ text: 'one two three', toolCalls: [{ name: 'f', arguments: { a: 1 } }] }]);
    const response = await fetch(`${f.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    expect(text).toBe(f.fake.requests[0]!.response);
  });

  it('streams tool-call deltas to the openai client from an Anthropic member (translated)', async () => {
    f.fake.script('claude-x', [{ text: 'let me look', toolCalls: [{ id: 'toolu_1', name: 'search', arguments: { query: '爆款标题' } }], usage: { inputTokens: 12, outputTokens: 7 } }]);
    const stream = await openai.chat.completions.create({
      model: 'claude',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'system', content: 'sys' }, { role: 'user', content: 'go' }],
      tools: [{ type: 'function', function: { name: 'search', parameters: { type: 'object', properties: { query: { type: 'string' } } } } }],
    });
    let text = '';
    let args = '';
    let name = '';
    let finish: string | null | undefined;
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      text += choice?.delta.content ?? '';
      name += choice?.delta.tool_calls?.[0]?.function?.name ?? '';
      args += choice?.delta.tool_calls?.[0]?.function?.arguments ?? '';
      finish = choice?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('let me look');
    expect(name).toBe('search');
    expect(JSON.parse(args)).toEqual({ query: '爆款标题' });
    expect(finish).toBe('tool_calls');
    expect(usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7 });
    const sent = f.fake.requests[0]!;
    expect(sent.format).toBe('anthropic');
    expect(sent.headers['x-api-key']).toBe('upstream-key-an');
    expect(sent.body.system).toBe('sys');
  });

  it('answers the anthropic client from an OpenAI member, tool calls included, streamed and not', async () => {
    f.fake.script('gpt-x', [
      { toolCalls: [{ id: 'call_9', name: 'lookup', arguments: { id: 7 } }] },
      { text: 'streamed from openai', usage: { inputTokens: 9, outputTokens: 3 } },
    ]);
    const message = await anthropic.messages.create({
      model: 'gpt',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'go' }],
      tools: [{ name: 'lookup', input_schema: { type: 'object', properties: { id: { type: 'number' } } } }],
    });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([{ type: 'tool_use', id: 'call_9', name: 'lookup', input: { id: 7 } }]);
    expect(f.fake.requests[0]!.body.tools[0]).toMatchObject({ type: 'function', function: { name: 'lookup' } });

    const final = await anthropic.messages.stream({ model: 'gpt', max_tokens: 100, messages: [{ role: 'user', content: 'go' }] }).finalMessage();
    expect(final.content).toEqual([{ type: 'text', text: 'streamed from openai', citations: undefined }].map(({ citations: _c, ...b }) => expect.objectContaining(b)));
    expect(final.usage.output_tokens).toBe(3);
  });

  it('passes the anthropic client through to an Anthropic member', async () => {
    f.fake.script('claude-x', [{ text: 'native' }]);
    const final = await anthropic.messages.stream({ model: 'claude', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
    expect(final.content[0]).toMatchObject({ type: 'text', text: 'native' });
    expect(f.fake.requests[0]!.headers['anthropic-version']).toBeDefined();
  });

  it('sends image parts on to the upstream', async () => {
    await openai.chat.completions.create({
      model: 'claude',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
    });
    expect(f.fake.requests[0]!.body.messages[0].content[1]).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } });
  });

  it('lists models and serves embeddings', async () => {
    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toEqual(expect.arrayContaining(['gpt', 'claude', 'oa:gpt-x']));
    expect(await openai.models.retrieve('oa:gpt-x')).toMatchObject({ id: 'oa:gpt-x', object: 'model', owned_by: 'oa' });
    await expect(openai.models.retrieve('gpt-typo')).rejects.toMatchObject({ status: 404, message: expect.stringContaining("Model 'gpt-typo' is not available to this key") });
    const embedding = await openai.embeddings.create({ model: 'oa:text-embedding-3-small', input: 'hello' });
    expect(embedding.data[0]!.embedding).toHaveLength(8);
  });

  it('cancels the upstream request when the client disconnects', async () => {
    f.fake.script('gpt-x', [{ text: 'a b c d e f g h i j', chunkDelayMs: 300 }]);
    const controller = new AbortController();
    const response = await fetch(`${f.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt', stream: true, messages: [{ role: 'user', content: 'x' }] }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await f.fake.waitForAborted(1, 5000);
    expect(f.fake.requests[0]!.completed).toBe(false);
  });

  it('answers a JSON-mode request', async () => {
    f.fake.script('gpt-x', [{ json: { title: '标题' } }]);
    const reply = await openai.chat.completions.create({ model: 'gpt', response_format: { type: 'json_object' }, messages: [{ role: 'user', content: 'json please' }] });
    expect(JSON.parse(reply.choices[0]!.message.content!)).toEqual({ title: '标题' });
    expect(f.fake.requests[0]!.body.response_format).toEqual({ type: 'json_object' });
  });
});
