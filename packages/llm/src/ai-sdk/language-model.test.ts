import { describe, expect, it } from 'vitest';
import { generateText, jsonSchema, Output, streamText } from 'ai';
import { CreatorFlowError } from '@creatorflow/core';
import { ScriptedLlm, type ScriptedReply } from '@creatorflow/core/testing/scripted-llm';
import { LlmPortLanguageModel } from './language-model.ts';

const attribution = { workspaceId: 'ws-1', runId: 'run-1' };
const model = (reply: (n: number) => ScriptedReply, id = 'writer') => {
  const port = new ScriptedLlm((_r, n) => reply(n));
  return { port, model: new LlmPortLanguageModel(id, port, { attribution }) };
};

describe('LlmPortLanguageModel', () => {
  it('sends the group alias, settings, tools and tool choice to the port, and warns about what it drops', async () => {
    const { port, model: m } = model(() => ({ toolCalls: [{ id: 'p1', name: 'pick', arguments: '{"n":1}' }] }));
    const result = await generateText({
      model: m,
      system: 'be brief',
      prompt: 'pick one',
      temperature: 0.3,
      maxOutputTokens: 200,
      topP: 0.9,
      tools: { pick: { inputSchema: jsonSchema({ type: 'object', properties: { n: { type: 'number' } } }) } },
      toolChoice: { type: 'tool', toolName: 'pick' },
      maxRetries: 0,
    });
    expect(result.toolCalls).toMatchObject([{ toolCallId: 'p1', toolName: 'pick', input: { n: 1 } }]);
    expect(result.finishReason).toBe('tool-calls');
    const sent = port.calls[0]!;
    expect(sent).toMatchObject({ model: 'writer', temperature: 0.3, maxOutputTokens: 200, toolChoice: { name: 'pick' }, attribution });
    expect(sent.messages).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'pick one' },
    ]);
    expect(sent.tools).toEqual([{ name: 'pick', description: '', parameters: { type: 'object', properties: { n: { type: 'number' } } } }]);
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'unsupported', feature: 'topP' })]);
  });

  it('asks for JSON with the schema of structured output', async () => {
    const { port, model: m } = model(() => ({ text: '{"title":"x"}' }));
    const result = await generateText({
      model: m,
      prompt: 'title?',
      output: Output.object({ schema: jsonSchema<{ title: string }>({ type: 'object', properties: { title: { type: 'string' } }, required: ['title'] }) }),
      maxRetries: 0,
    });
    expect(result.output).toEqual({ title: 'x' });
    expect(port.calls[0]!.responseFormat).toMatchObject({ type: 'json_schema', schema: { required: ['title'] } });
  });

  it('passes images on as URLs or data URLs, never downloading them', async () => {
    const { port, model: m } = model(() => ({ text: 'a cat' }));
    await generateText({
      model: m,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is this?' },
            { type: 'image', image: new URL('https://example.invalid/cat.png'), mediaType: 'image/png' },
            { type: 'image', image: new Uint8Array([1, 2, 3]), mediaType: 'image/png' },
          ],
        },
      ],
      maxRetries: 0,
    });
    expect(port.calls[0]!.messages[0]!.content).toEqual([
      { type: 'text', text: 'what is this?' },
      { type: 'image', url: 'https://example.invalid/cat.png', mediaType: 'image/png' },
      { type: 'image', url: 'data:image/png;base64,AQID', mediaType: 'image/png' },
    ]);
  });

  it('reports usage with cached input split out, the finish reason and the answering member', async () => {
    const { model: m } = model(() => ({ text: 'ok', usage: { inputTokens: 100, outputTokens: 10 }, provider: 'deepseek', model: 'deepseek-chat', costCents: 0.02 }));
    const result = await generateText({ model: m, prompt: 'x', maxRetries: 0 });
    expect(result.usage).toMatchObject({ inputTokens: 100, outputTokens: 10, totalTokens: 110 });
    expect(result.finishReason).toBe('stop');
    expect(result.response.modelId).toBe('deepseek-chat');
    expect(result.providerMetadata?.creatorflow).toMatchObject({ provider: 'deepseek', model: 'deepseek-chat', costCents: 0.02 });
  });

  it('hands the port\'s error to the caller unchanged, code and retryability included', async () => {
    const limited = new CreatorFlowError('LLM_RATE_LIMITED', 'slow down', { status: 429, retryable: true });
    const { model: m } = model(() => ({ error: limited }));
    await expect(generateText({ model: m, prompt: 'x', maxRetries: 0 })).rejects.toBe(limited);
    const streamed = streamText({ model: m, prompt: 'x', maxRetries: 0, onError: () => undefined });
    const errors: unknown[] = [];
    for await (const part of streamed.fullStream) if (part.type === 'error') errors.push(part.error);
    expect(errors).toEqual([limited]);
  });

  it('still streams the text of a port that answered without deltas', async () => {
    const { model: m } = model(() => ({ text: 'whole answer' }));
    const result = streamText({ model: m, prompt: 'x', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces).toEqual(['whole answer']);
  });
});
