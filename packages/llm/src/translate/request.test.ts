import { describe, expect, it } from 'vitest';
import { anthropicToOpenaiRequest, openaiToAnthropicRequest } from './request.ts';

describe('request translation', () => {
  it('turns an OpenAI tool conversation into Anthropic blocks', () => {
    const out = openaiToAnthropicRequest(
      {
        model: 'x',
        messages: [
          { role: 'system', content: 'rules' },
          { role: 'user', content: 'weather?' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"杭州"}' } }] },
          { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
        ],
        max_tokens: 50,
        stop: 'END',
        response_format: { type: 'json_object' },
      },
      'claude-x',
      4096,
    );
    expect(out).toMatchObject({ model: 'claude-x', max_tokens: 50, stop_sequences: ['END'] });
    expect(out.system).toBe('rules\n\nRespond with one JSON object only, no prose.');
    expect(out.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'weather?' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'c1', name: 'weather', input: { city: '杭州' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c1', content: 'sunny' }] },
    ]);
  });

  it('turns an Anthropic tool conversation into OpenAI messages', () => {
    const out = anthropicToOpenaiRequest(
      {
        model: 'x',
        system: [{ type: 'text', text: 'rules' }],
        max_tokens: 20,
        stream: true,
        tool_choice: { type: 'tool', name: 'weather' },
        tools: [{ name: 'weather', input_schema: { type: 'object' } }],
        messages: [
          { role: 'user', content: 'weather?' },
          { role: 'assistant', content: [{ type: 'text', text: 'checking' }, { type: 'tool_use', id: 't1', name: 'weather', input: { city: 'x' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'rain' }] }, { type: 'text', text: 'thanks' }] },
        ],
      },
      'gpt-x',
    );
    expect(out).toMatchObject({ model: 'gpt-x', max_tokens: 20, stream: true, stream_options: { include_usage: true } });
    expect(out.tool_choice).toEqual({ type: 'function', function: { name: 'weather' } });
    expect(out.messages).toEqual([
      { role: 'system', content: 'rules' },
      { role: 'user', content: 'weather?' },
      { role: 'assistant', content: 'checking', tool_calls: [{ id: 't1', type: 'function', function: { name: 'weather', arguments: '{"city":"x"}' } }] },
      { role: 'tool', tool_call_id: 't1', content: 'rain' },
      { role: 'user', content: 'thanks' },
    ]);
  });
});
