import { asArray, asString, parseJsonObject, type Json } from './types.ts';

/** Text of an OpenAI message content (string or parts). */
function openaiText(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((p) => (p.type === 'text' ? (asString(p.text) ?? '') : ''))
    .join('');
}

function openaiPartToAnthropic(part: Json): Json | undefined {
  if (part.type === 'text') return { type: 'text', text: asString(part.text) ?? '' };
  if (part.type === 'image_url') {
    const url = asString((part.image_url as Json | undefined)?.url) ?? '';
    const data = /^data:([^;]+);base64,(.*)$/s.exec(url);
    return data
      ? { type: 'image', source: { type: 'base64', media_type: data[1], data: data[2] } }
      : { type: 'image', source: { type: 'url', url } };
  }
  return undefined;
}

function jsonInstruction(format: Json | undefined): string | undefined {
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_schema') {
    const schema = (format.json_schema as Json | undefined)?.schema;
    return `Respond with one JSON value only, no prose, matching this JSON Schema: ${JSON.stringify(schema ?? {})}`;
  }
  return 'Respond with one JSON object only, no prose.';
}

/** OpenAI chat/completions body → Anthropic messages body, for an Anthropic member. */
export function openaiToAnthropicRequest(body: Json, model: string, defaultMaxTokens: number): Json {
  const system: string[] = [];
  const messages: Json[] = [];
  const push = (role: 'user' | 'assistant', blocks: Json[]) => {
    const last = messages.at(-1);
    if (last && last.role === role) (last.content as Json[]).push(...blocks);
    else messages.push({ role, content: blocks });
  };
  for (const message of asArray(body.messages)) {
    const role = message.role;
    if (role === 'system' || role === 'developer') {
      system.push(openaiText(message.content));
    } else if (role === 'tool') {
      push('user', [{ type: 'tool_result', tool_use_id: asString(message.tool_call_id) ?? '', content: openaiText(message.content) }]);
    } else if (role === 'assistant') {
      const blocks: Json[] = [];
      const text = openaiText(message.content);
      if (text) blocks.push({ type: 'text', text });
      for (const call of asArray(message.tool_calls)) {
        const fn = (call.function as Json | undefined) ?? {};
        blocks.push({ type: 'tool_use', id: call.id, name: fn.name, input: parseJsonObject(asString(fn.arguments) ?? '{}') });
      }
      if (blocks.length > 0) push('assistant', blocks);
    } else {
      const content = message.content;
      const blocks =
        typeof content === 'string'
          ? [{ type: 'text', text: content }]
          : asArray(content)
              .map(openaiPartToAnthropic)
              .filter((b): b is Json => b !== undefined);
      push('user', blocks);
    }
  }
  const instruction = jsonInstruction(body.response_format as Json | undefined);
  if (instruction) system.push(instruction);

  const out: Json = {
    model,
    messages,
    max_tokens: body.max_completion_tokens ?? body.max_tokens ?? defaultMaxTokens,
  };
  if (system.length > 0) out.system = system.join('\n\n');
  if (body.temperature !== undefined && body.temperature !== null) out.temperature = Math.min(1, Number(body.temperature));
  if (body.top_p !== undefined && body.top_p !== null) out.top_p = body.top_p;
  if (body.stop !== undefined && body.stop !== null) out.stop_sequences = Array.isArray(body.stop) ? body.stop : [body.stop];
  if (body.stream === true) out.stream = true;
  const tools = asArray(body.tools).filter((t) => t.type === 'function');
  if (tools.length > 0) {
    out.tools = tools.map((t) => {
      const fn = (t.function as Json | undefined) ?? {};
      return { name: fn.name, description: fn.description ?? '', input_schema: fn.parameters ?? { type: 'object', properties: {} } };
    });
    const choice = body.tool_choice;
    if (choice === 'required') out.tool_choice = { type: 'any' };
    else if (choice === 'none') out.tool_choice = { type: 'none' };
    else if (typeof choice === 'object' && choice !== null) out.tool_choice = { type: 'tool', name: ((choice as Json).function as Json | undefined)?.name };
    else if (choice === 'auto') out.tool_choice = { type: 'auto' };
  }
  return out;
}

function anthropicBlocksText(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((b) => (b.type === 'text' ? (asString(b.text) ?? '') : ''))
    .join('');
}

function anthropicImageToOpenai(block: Json): Json {
  const source = (block.source as Json | undefined) ?? {};
  const url = source.type === 'base64' ? `data:${String(source.media_type)};base64,${String(source.data)}` : (asString(source.url) ?? '');
  return { type: 'image_url', image_url: { url } };
}

/** Anthropic messages body → OpenAI chat/completions body, for an OpenAI-format member. */
export function anthropicToOpenaiRequest(body: Json, model: string): Json {
  const messages: Json[] = [];
  const system = anthropicBlocksText(body.system);
  if (system) messages.push({ role: 'system', content: system });
  for (const message of asArray(body.messages)) {
    const content = message.content;
    if (message.role === 'assistant') {
      const blocks = typeof content === 'string' ? [{ type: 'text', text: content }] : asArray(content);
      const text = blocks.filter((b) => b.type === 'text').map((b) => asString(b.text) ?? '').join('');
      const calls = blocks
        .filter((b) => b.type === 'tool_use')
        .map((b) => ({ id: b.id, type: 'function', function: { name: b.name, arguments: JSON.stringify(b.input ?? {}) } }));
      messages.push({ role: 'assistant', content: text || null, ...(calls.length > 0 ? { tool_calls: calls } : {}) });
      continue;
    }
    if (typeof content === 'string') {
      messages.push({ role: 'user', content });
      continue;
    }
    const parts: Json[] = [];
    for (const block of asArray(content)) {
      if (block.type === 'tool_result') {
        messages.push({ role: 'tool', tool_call_id: block.tool_use_id, content: anthropicBlocksText(block.content) });
      } else if (block.type === 'text') {
        parts.push({ type: 'text', text: block.text });
      } else if (block.type === 'image') {
        parts.push(anthropicImageToOpenai(block));
      }
    }
    if (parts.length > 0) messages.push({ role: 'user', content: parts.every((p) => p.type === 'text') ? parts.map((p) => p.text).join('') : parts });
  }
  const out: Json = { model, messages, max_tokens: body.max_tokens };
  if (body.temperature !== undefined) out.temperature = body.temperature;
  if (body.top_p !== undefined) out.top_p = body.top_p;
  if (Array.isArray(body.stop_sequences) && body.stop_sequences.length > 0) out.stop = body.stop_sequences;
  if (body.stream === true) {
    out.stream = true;
    out.stream_options = { include_usage: true };
  }
  const tools = asArray(body.tools);
  if (tools.length > 0) {
    out.tools = tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description ?? '', parameters: t.input_schema ?? { type: 'object' } } }));
    const choice = body.tool_choice as Json | undefined;
    if (choice?.type === 'any') out.tool_choice = 'required';
    else if (choice?.type === 'none') out.tool_choice = 'none';
    else if (choice?.type === 'tool') out.tool_choice = { type: 'function', function: { name: choice.name } };
    else if (choice?.type === 'auto') out.tool_choice = 'auto';
  }
  return out;
}
