/**
 * How the rest of CreatorFlow calls language models. `packages/llm` implements
 * it (model groups, failover, limits, usage); the agent runtime and creation
 * tools depend only on this interface.
 */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export type ContentPart = { type: 'text'; text: string } | { type: 'image'; url: string; mediaType?: string };

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text of the arguments, as the model produced it. */
  arguments: string;
}

export interface ChatMessage {
  role: ChatRole;
  content: string | ContentPart[];
  /** Assistant messages that called tools. */
  toolCalls?: ToolCall[];
  /** Tool messages: which call this answers. */
  toolCallId?: string;
  name?: string;
}

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown> };

/** Who a call is for, so limits, usage and the cost ledger are attributed. */
export interface CallAttribution {
  workspaceId: string;
  userId?: string;
  runId?: string;
  traceId?: string;
  spanId?: string;
  graph?: string;
  node?: string;
}

export interface ChatRequest {
  /** A model group alias (`default`, `writer`, …) or `provider:model`. */
  model: string;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  toolChoice?: 'auto' | 'none' | 'required' | { name: string };
  responseFormat?: ResponseFormat;
  temperature?: number;
  maxOutputTokens?: number;
  signal?: AbortSignal;
  /** Called with each streamed piece of text; when set the call streams. */
  onDelta?: (text: string) => void;
  attribution: CallAttribution;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

export interface ChatResult {
  text: string;
  toolCalls: ToolCall[];
  finishReason: 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error' | 'other';
  usage: TokenUsage;
  /** Actual cost in US cents (fractions allowed). */
  costCents: number;
  /** The member that answered. */
  provider: string;
  model: string;
  latencyMs: number;
}

export interface CostEstimate {
  inputTokens: number;
  maxOutputTokens: number;
  /** Upper-bound cost in US cents if the reply uses `maxOutputTokens`. */
  costCents: number;
}

export interface EmbeddingRequest {
  model: string;
  input: string[];
  signal?: AbortSignal;
  attribution: CallAttribution;
}

export interface LlmPort {
  chat(request: ChatRequest): Promise<ChatResult>;
  estimate(request: ChatRequest): Promise<CostEstimate>;
  embed?(request: EmbeddingRequest): Promise<{ vectors: number[][]; usage: TokenUsage; costCents: number }>;
}
