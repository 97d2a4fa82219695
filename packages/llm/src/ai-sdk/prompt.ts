import type { LanguageModelV3DataContent, LanguageModelV3FilePart, LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from '@ai-sdk/provider';
import type { ModelMessage } from 'ai';
import type { ChatMessage, ContentPart, ToolCall } from '@creatorflow/core';
import { aiModule } from './ai-module.ts';

/**
 * The AI SDK's prompt as the port's messages. The port speaks the OpenAI
 * chat shape (one tool message per result, tool calls on the assistant
 * message), which is what the executor sends or translates.
 */
export function toChatMessages(prompt: LanguageModelV3Prompt): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', content: message.content });
        break;
      case 'user': {
        const parts: ContentPart[] = message.content.map((part) => (part.type === 'text' ? { type: 'text', text: part.text } : imagePart(part)));
        messages.push({ role: 'user', content: parts.every((p) => p.type === 'text') ? parts.map((p) => (p as { text: string }).text).join('') : parts });
        break;
      }
      case 'assistant': {
        let text = '';
        const toolCalls: ToolCall[] = [];
        for (const part of message.content) {
          if (part.type === 'text') text += part.text;
          // Provider-executed tools and reasoning have no place in the chat/completions shape; the model does not need them back.
          else if (part.type === 'tool-call' && !part.providerExecuted) toolCalls.push({ id: part.toolCallId, name: part.toolName, arguments: JSON.stringify(part.input ?? {}) });
          else if (part.type === 'file') throw new (aiModule().UnsupportedFunctionalityError)({ functionality: 'files in assistant messages' });
        }
        messages.push({ role: 'assistant', content: text, ...(toolCalls.length > 0 ? { toolCalls } : {}) });
        break;
      }
      case 'tool':
        for (const part of message.content) {
          if (part.type !== 'tool-result') continue;
          messages.push({ role: 'tool', toolCallId: part.toolCallId, name: part.toolName, content: outputText(part.output) });
        }
        break;
    }
  }
  return messages;
}

/** A tool result as the text a chat/completions tool message carries; errors keep the `{"error": …}` shape the runtime always sent. */
export function outputText(output: LanguageModelV3ToolResultOutput): string {
  switch (output.type) {
    case 'text':
      return output.value;
    case 'json':
      return JSON.stringify(output.value);
    case 'error-text':
    case 'error-json':
      return JSON.stringify({ error: output.value });
    case 'execution-denied':
      return JSON.stringify({ error: output.reason ?? 'the tool call was not approved' });
    case 'content':
      return output.value.map((part) => (part.type === 'text' ? part.text : JSON.stringify(part))).join('\n');
  }
}

function imagePart(part: LanguageModelV3FilePart): ContentPart {
  if (!part.mediaType.startsWith('image/')) {
    throw new (aiModule().UnsupportedFunctionalityError)({ functionality: `file parts of type ${part.mediaType} (only images are passed on)` });
  }
  return { type: 'image', url: dataUrl(part.data, part.mediaType), mediaType: part.mediaType };
}

function dataUrl(data: LanguageModelV3DataContent, mediaType: string): string {
  if (data instanceof URL) return data.toString();
  if (typeof data === 'string') return /^(https?|data):/i.test(data) ? data : `data:${mediaType};base64,${data}`;
  return `data:${mediaType};base64,${Buffer.from(data).toString('base64')}`;
}

/** The port's messages as AI SDK messages, so a conversation can continue in `generateText`/`streamText`. */
export function toModelMessages(messages: ChatMessage[]): ModelMessage[] {
  const names = new Map<string, string>();
  return messages.map((message): ModelMessage => {
    const text = typeof message.content === 'string' ? message.content : message.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
    switch (message.role) {
      case 'system':
        return { role: 'system', content: text };
      case 'user':
        return {
          role: 'user',
          content:
            typeof message.content === 'string'
              ? message.content
              : message.content.map((p) => (p.type === 'text' ? { type: 'text' as const, text: p.text } : { type: 'image' as const, image: new URL(p.url), mediaType: p.mediaType })),
        };
      case 'assistant': {
        for (const call of message.toolCalls ?? []) names.set(call.id, call.name);
        if (!message.toolCalls?.length) return { role: 'assistant', content: text };
        return {
          role: 'assistant',
          content: [
            ...(text ? [{ type: 'text' as const, text }] : []),
            ...message.toolCalls.map((call) => ({ type: 'tool-call' as const, toolCallId: call.id, toolName: call.name, input: parseArguments(call.arguments) })),
          ],
        };
      }
      case 'tool':
        return {
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: message.toolCallId ?? '', toolName: message.name ?? names.get(message.toolCallId ?? '') ?? '', output: { type: 'text', value: text } }],
        };
    }
  });
}

function parseArguments(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return text;
  }
}
