import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { startFakeLlm, type FakeLlm } from './index.ts';

describe('fake LLM upstream', () => {
  let fake: FakeLlm;
  let openai: OpenAI;
  let anthropic: Anthropic;
  beforeAll(async () => {
    fake = await startFakeLlm({ rules: [{ match: 'outline', reply: { text: '1. 开头 2. 结尾' } }] });
    openai = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: 'k', maxRetries: 0 });
    anthropic = new Anthropic({ baseURL: fake.url, apiKey: 'k', maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('echoes the last user message by default and reports usage', async () => {
    const reply = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello there' }] });
    expect(reply.choices[0]!.message.content).toBe('echo: hello there');
    expect(reply.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(fake.requests[0]!.body.messages[0].content).toBe('hello there');
  });

  it('answers from the first rule whose substring is in the prompt', async () => {
    const reply = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: 'write an outline' }] });
    expect(reply.choices[0]!.message.content).toBe('1. 开头 2. 结尾');
  });

  it('streams text and tool-call deltas with usage in the last chunk', async () => {
    fake.script('gpt-4o', [{ text: 'a b c', toolCalls: [{ name: 'search', arguments: { q: 'long query text' } }] }]);
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let args = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('a b c');
    expect(JSON.parse(args)).toEqual({ q: 'long query text' });
    expect(usage).toMatchObject({ prompt_tokens: expect.any(Number) });
  });

  it('speaks the Anthropic messages format, streamed and not, with tool_use', async () => {
    fake.script('claude-x', [{ toolCalls: [{ name: 'lookup', arguments: { id: 7 } }] }, { text: 'streamed words here' }]);
    const message = await anthropic.messages.create({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'go' }] });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'lookup', input: { id: 7 } });
    const stream = anthropic.messages.stream({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'go' }] });
    const final = await stream.finalMessage();
    expect(final.content[0]).toMatchObject({ type: 'text', text: 'streamed words here' });
    expect(final.usage.output_tokens).toBeGreaterThan(0);
  });

  it('returns scripted errors with Retry-After', async () => {
    fake.script('*', [{ error: { status: 429, retryAfterSeconds: 3 } }]);
    const response = await fetch(`${fake.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
  });

  it('counts requests the client aborted', async () => {
    fake.script('*', [{ hang: true }]);
    const controller = new AbortController();
    const pending = fetch(`${fake.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
      signal: controller.signal,
    }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await pending;
    await fake.waitForAborted(1);
    expect(fake.requests[0]!.aborted).toBe(true);
  });

  it('drops the connection mid-stream when told to', async () => {
    fake.script('*', [{ text: 'one two three four', dropAfterChunks: 2 }]);
    const stream = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
      })(),
    ).rejects.toThrow();
    expect(seen.join('')).toBe('one two ');
  });

  it('serves deterministic embeddings and a model list', async () => {
    const a = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['x', 'y'] });
    const b = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
    expect(a.data).toHaveLength(2);
    expect(a.data[0]!.embedding).toEqual(b.data[0]!.embedding);
    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toContain('gpt-4o-mini');
  });
});
