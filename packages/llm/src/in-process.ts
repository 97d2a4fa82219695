import type { ChatMessage, ChatRequest } from '@creatorflow/core';
import type { Json } from './translate/types.ts';

function messageToOpenai(message: ChatMessage): Json {
  const content =
    typeof message.content === 'string'
      ? message.content
      : message.content.map((part) => (part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image_url', image_url: { url: part.url } }));
  const out: Json = { role: message.role, content };
  if (message.toolCalls && message.toolCalls.length > 0) {
    out.tool_calls = message.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
    if (content === '') out.content = null;
  }
  if (message.toolCallId) out.tool_call_id = message.toolCallId;
  if (message.name && message.role !== 'tool') out.name = message.name;
  return out;
}

/** The port's request as an OpenAI chat/completions body: the in-process path reuses the gateway's. */
export function toOpenaiBody(request: ChatRequest): Json {
  const body: Json = { model: request.model, messages: request.messages.map(messageToOpenai) };
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
    const choice = request.toolChoice;
    if (choice) body.tool_choice = typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
  }
  const format = request.responseFormat;
  if (format?.type === 'json_object') body.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema') body.response_format = { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: true } };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.maxOutputTokens !== undefined) body.max_tokens = request.maxOutputTokens;
  if (request.onDelta) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return body;
}
